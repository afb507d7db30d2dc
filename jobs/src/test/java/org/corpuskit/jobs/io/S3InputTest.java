package org.corpuskit.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.DatasetAssertions;
import org.corpuskit.jobs.TestRuns;
import org.corpuskit.jobs.cli.Corpus;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.ReleaseLock;
import org.corpuskit.jobs.pipeline.Releases;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.jobs.pipeline.StageMarker;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.stages.extract.ExtractStage;
import org.corpuskit.sample.SampleCrawl;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Reading through the real S3 API: s3a against an S3 server (s3proxy) running in this JVM on loopback. */
@ExtendWith(org.corpuskit.jobs.LocalSpark.class)
class S3InputTest {
  private static final String BUCKET = "corpus-test-crawl";
  private static final String ACCESS = "test-access-key";
  private static final String SECRET = "test-secret-key";
  private static final String WARC_KEY = "crawl-data/CC-MAIN-2024-22/segments/1/warc/sample.warc.gz";
  /** The same archive, reached through a proxy that answers the first reads with 503 SlowDown. */
  private static final String SLOW_BUCKET = "corpus-test-slow";

  @TempDir
  static Path dir;

  private static S3Proxy proxy;
  private static BlobStoreContext store;

  @BeforeAll
  static void startS3() throws Exception {
    store = ContextBuilder.newBuilder("transient").credentials(ACCESS, SECRET).build(BlobStoreContext.class);
    proxy = S3Proxy.builder()
        .blobStore(store.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
        .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(10);
    }
    BlobStore blobs = store.getBlobStore();
    blobs.createContainerInLocation(null, BUCKET);
    SampleCrawl.Written sample = SampleCrawl.write(dir.resolve("sample"));
    blobs.putBlob(BUCKET, blobs.blobBuilder(WARC_KEY).payload(Files.readAllBytes(sample.warc())).build());
    blobs.putBlob(BUCKET, blobs.blobBuilder("crawl-data/CC-MAIN-2024-22/warc.paths.gz")
        .payload(gzip(WARC_KEY + "\n")).build());
    blobs.createContainerInLocation(null, SLOW_BUCKET);
    blobs.putBlob(SLOW_BUCKET, blobs.blobBuilder(WARC_KEY).payload(Files.readAllBytes(sample.warc())).build());
  }

  @AfterAll
  static void stopS3() throws Exception {
    proxy.stop();
    store.close();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static void pointS3aAtTheProxy(Configuration conf) {
    pointS3aAt(conf, BUCKET, proxy.getPort());
  }

  private static void pointS3aAt(Configuration conf, String bucket, int port) {
    String prefix = "fs.s3a.bucket." + bucket + ".";
    conf.set(prefix + "endpoint", "http://127.0.0.1:" + port);
    conf.set(prefix + "endpoint.region", "us-east-1");
    conf.set(prefix + "path.style.access", "true");
    conf.set(prefix + "connection.ssl.enabled", "false");
    conf.set(prefix + "access.key", ACCESS);
    conf.set(prefix + "secret.key", SECRET);
    conf.set(prefix + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
  }

  @Test
  void aCrawlListingOnS3IsReadLikeTheSameFilesOnDiskAndTheRunIsWrittenToS3(SparkSession spark) throws IOException {
    pointS3aAtTheProxy(spark.sparkContext().hadoopConfiguration());
    String base = "s3a://" + BUCKET + "/";
    Pipeline extract = new Pipeline(List.of(new ExtractStage()));
    assertEquals(0, Corpus.execute("extract", "--input", Inputs.crawlListing("CC-MAIN-2024-22", "warc", base),
        "--cc-base", base, "--source", "test-source", "--out", "s3a://" + BUCKET + "/runs/one"));
    BlobStore blobs = store.getBlobStore();
    StageCounts fromS3 = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .readValue(blobs.getBlob(BUCKET, "runs/one/extract/_COMPLETE.json").getPayload().openStream(),
            StageMarker.class).counts();
    StageCounts fromDisk = TestRuns.run(spark, extract,
        TestRuns.config(List.of(dir.resolve("sample").resolve(SampleCrawl.WARC_NAME).toString()), "input.cc_base=" + base),
        dir.resolve("disk-out").toString()).get(0).marker().counts();
    assertEquals(fromDisk, fromS3);
    DatasetAssertions.assertSameRows(
        spark.read().parquet(dir.resolve("disk-out/extract/documents").toString()).drop("warc_file"),
        spark.read().parquet("s3a://" + BUCKET + "/runs/one/extract/documents").drop("warc_file"));
    for (String file : List.of("run.json", "stats.json", "config.yaml")) {
      assertTrue(blobs.blobExists(BUCKET, "runs/one/" + file), file);
    }
  }

  @Test
  void aReleaseLockOnS3IsTakenOnceAndFreeAgainWhenGivenUp(SparkSession spark) {
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    pointS3aAtTheProxy(conf);
    Releases releases = Releases.at("s3a://" + BUCKET + "/releases", conf);
    try (ReleaseLock held = ReleaseLock.take(releases, "first")) {
      UsageException refused = assertThrows(UsageException.class, () -> ReleaseLock.take(releases, "second"));
      assertTrue(refused.getMessage().contains("is being refreshed by process " + ProcessHandle.current().pid()),
          refused.getMessage());
      assertTrue(store.getBlobStore().blobExists(BUCKET, "releases/_refresh.lock"));
    }
    assertFalse(store.getBlobStore().blobExists(BUCKET, "releases/_refresh.lock"));
    ReleaseLock.take(releases, "third").close();
  }

  @Test
  void readsAnsweredWithSlowDownAreRetriedAndTheRunCompletesWithTheSameCounts(SparkSession spark) throws Exception {
    try (SlowDownProxy slow = new SlowDownProxy(proxy.getPort(), 4)) {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      pointS3aAt(conf, SLOW_BUCKET, slow.port());
      // Throttling is retried by S3A with its own backoff, not the SDK's; short here, so that the test is quick.
      conf.set("fs.s3a.bucket." + SLOW_BUCKET + ".attempts.maximum", "1");
      conf.set("fs.s3a.bucket." + SLOW_BUCKET + ".retry.throttle.interval", "50ms");
      Path out = dir.resolve("slow-out");
      assertEquals(0, Corpus.execute("extract", "--input", "s3a://" + SLOW_BUCKET + "/" + WARC_KEY, "--source",
          "test-source", "--out", out.toString()));
      assertEquals(4, slow.refused(), "every refused read was retried");
      StageCounts throughSlow = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .readValue(out.resolve("extract/_COMPLETE.json").toFile(), StageMarker.class).counts();
      StageCounts fromDisk = TestRuns.run(spark, new Pipeline(List.of(new ExtractStage())),
          TestRuns.config(List.of(dir.resolve("sample").resolve(SampleCrawl.WARC_NAME).toString())),
          dir.resolve("slow-disk-out").toString()).get(0).marker().counts();
      assertEquals(fromDisk.in(), throughSlow.in());
      assertEquals(fromDisk.out(), throughSlow.out());
    }
  }

  @Test
  void aMissingObjectWrongCredentialsAndAMissingBucketAreEachOneLineNamingThePath(SparkSession spark)
      throws Exception {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    pointS3aAtTheProxy(conf);
    pointS3aAt(conf, "corpus-test-no-such-bucket", proxy.getPort());
    pointS3aAt(conf, "corpus-test-wrong-key", proxy.getPort());
    conf.set("fs.s3a.bucket.corpus-test-wrong-key.secret.key", "not-the-secret");
    store.getBlobStore().createContainerInLocation(null, "corpus-test-wrong-key");
    for (String input : List.of("s3a://" + BUCKET + "/crawl-data/no-such-file.warc.gz",
        "s3a://corpus-test-no-such-bucket/a.warc.gz", "s3a://corpus-test-wrong-key/a.warc.gz")) {
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      java.io.PrintStream stderr = System.err;
      int code;
      try {
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        code = Corpus.execute("extract", "--input", input, "--out", dir.resolve("bad-" + Math.abs(input.hashCode()))
            .toString());
      } finally {
        System.setErr(stderr);
      }
      String message = err.toString(StandardCharsets.UTF_8).strip();
      assertEquals(2, code, message);
      assertEquals(1, message.lines().filter(l -> l.startsWith("corpus")).count(), message);
      assertTrue(message.contains(input), message);
      assertTrue(message.length() < 200, message);
    }
  }
}

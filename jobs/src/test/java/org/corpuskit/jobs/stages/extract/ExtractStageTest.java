package org.corpuskit.jobs.stages.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.corpuskit.archive.ReaderConfig;
import org.corpuskit.sample.SampleCrawl;
import org.corpuskit.sample.WarcBytes;
import org.corpuskit.jobs.DatasetAssertions;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.jobs.TestRuns;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageRun;
import org.corpuskit.jobs.pipeline.UsageException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractStageTest {
  @TempDir
  static Path dir;

  private SparkSession spark;
  private SampleCrawl.Written sample;
  private StageCounts counts;
  private String out;

  private static StageCounts extract(SparkSession spark, List<String> inputs, String out) {
    List<StageRun> runs = TestRuns.run(spark, new Pipeline(List.of(new ExtractStage())), TestRuns.config(inputs), out);
    return runs.get(0).marker().counts();
  }

  @BeforeAll
  void runOnTheSample(SparkSession spark) throws IOException {
    this.spark = spark;
    sample = SampleCrawl.write(dir.resolve("sample"));
    out = dir.resolve("out").toString();
    counts = extract(spark, List.of(sample.warc().toString()), out);
  }

  private Dataset<Row> output(String name) {
    return spark.read().parquet(out + "/extract/" + name);
  }

  @Test
  void everyRecordOfTheSampleIsKeptRejectedOrFailedAndTheCountsAddUp() {
    assertTrue(counts.addsUp(), counts.toString());
    assertEquals(output("file_summaries").selectExpr("sum(records)").first().getLong(0), counts.in());
    assertEquals(sample.pages(), counts.out() + counts.rejected().getOrDefault("empty_text", 0L)
        + counts.failed().getOrDefault("extract_failed", 0L), counts.toString());
    assertEquals(output("documents").count(), counts.out());
    assertEquals(Map.of("skipped:http_status", 1L, "skipped:not_html", 1L, "skipped:other_record_type", 12L,
        "skipped:revisit", 1L), counts.rejected());
    assertEquals(0, output("file_summaries").filter("records != pages + skipped + failed").count());
  }

  @Test
  void theBrokenRecordsOfTheSampleAreInTheErrorsWithOffsetAndReason() {
    Set<String> reasons = output("errors").collectAsList().stream()
        .map(r -> r.<String>getAs("reason")).collect(Collectors.toSet());
    assertEquals(Set.of("malformed_http", "malformed_record", "truncated_file"), reasons);
    assertEquals(0, output("errors").filter("offset < 0 or file = '' or message = ''").count());
    assertEquals(3, counts.failedTotal());
  }

  /**
   * Spark counts the bytes its own sources read; the archives are read by the stage's code, which counts them
   * itself, as it goes, so that the progress line and Spark's UI show them.
   */
  @Test
  void theArchivesBytesCountAsReadByTheTasksThatReadThem() throws Exception {
    AtomicLong read = new AtomicLong();
    SparkListener listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        read.addAndGet(end.taskMetrics().inputMetrics().bytesRead());
      }
    };
    spark.sparkContext().addSparkListener(listener);
    try {
      long rows = new ReadArchives(ReaderConfig.DEFAULTS, spark.sparkContext().hadoopConfiguration())
          .apply(ReadArchives.files(spark, List.of(sample.warc().toString()))).count();
      assertTrue(rows > 0);
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    assertEquals(Files.size(sample.warc()), read.get());
  }

  @Test
  void documentsHaveTheDeclaredSchemaAndUniqueIds() {
    Dataset<Row> documents = output("documents");
    assertTrue(DataType.equalsIgnoreNullability(Schemas.DOCUMENTS, documents.schema()), documents.schema().treeString());
    assertEquals(documents.count(), documents.select("doc_id").distinct().count());
    Row first = documents.filter("url like '%article-0.html'").first();
    assertEquals("CC-MAIN-2024-22", first.getAs("crawl"));
    assertEquals("millbrook-gazette.example", first.getAs("registered_domain"));
    assertEquals("test-source", first.getAs("source"));
    assertEquals("en", first.getAs("lang_declared"));
    assertEquals(0, documents.filter("invalid_bytes > 0").count());
  }

  @Test
  void boilerplateOfTheSampleTemplatesIsNotInTheText() {
    Dataset<Row> documents = output("documents");
    assertEquals(0, documents.filter("text like '%We use cookies%' or text like '%Imprint%' or text like '%Most shared%'"
        + " or text like '%Great article, thanks%'").count());
    assertEquals(0, documents.filter("length(text) < 50").count());
  }

  @Test
  void aSecondRunGivesTheSameDocuments() {
    String again = dir.resolve("again").toString();
    extract(spark, List.of(dir.resolve("sample/*.warc.gz").toString()), again);
    DatasetAssertions.assertSameRows(output("documents"), spark.read().parquet(again + "/extract/documents"));
  }

  @Test
  void badFilesAreRecordedAndWithinTheToleratedShareDoNotStopTheJob() throws IOException {
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("notes.warc.gz"), "not an archive at all");
    Files.write(bad.resolve("empty.warc"), new byte[0]);
    byte[] member = WarcBytes.gzip(WarcBytes.record("response", "urn:uuid:x", java.time.Instant.EPOCH,
        "https://a.example/", "application/http; msgtype=response",
        WarcBytes.httpResponse(200, "text/html", WarcBytes.utf8("<p>" + "words ".repeat(50) + "</p>"))));
    Files.write(bad.resolve("clipped.warc.gz"), java.util.Arrays.copyOf(member, member.length / 2));
    Files.writeString(bad.resolve("_SUCCESS"), "");
    Files.createDirectories(bad.resolve("_temporary"));
    Files.writeString(bad.resolve("_temporary/part.warc.gz"), "half-written output of another job");
    String badOut = dir.resolve("bad-out").toString();
    StageCounts bads = TestRuns.run(spark, new Pipeline(List.of(new ExtractStage())),
        TestRuns.config(List.of(bad.toString()), "extract.max_unreadable_share=1"), badOut).get(0).marker().counts();
    assertEquals(3, spark.read().parquet(badOut + "/extract/file_summaries").count(),
        "files and directories starting with _ are not inputs");
    assertEquals(Map.of("not_an_archive", 1L, "truncated_file", 1L, "empty_file", 1L), bads.failed());
    assertEquals(0, bads.out());
    assertTrue(bads.addsUp(), bads.toString());
  }

  @Test
  void anInputThatMatchesNothingIsAClearError() {
    UsageException e = assertThrows(UsageException.class,
        () -> extract(spark, List.of(dir.resolve("nothing-*.warc.gz").toString()), out + "-x"));
    assertTrue(e.getMessage().contains("matches no file"), e.getMessage());
  }

  @Test
  void aStageRefusesInputWithTheWrongSchema() {
    Dataset<Row> wrong = spark.range(3).toDF("file");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ReadArchives(ReaderConfig.DEFAULTS, spark.sparkContext().hadoopConfiguration()).apply(wrong));
    assertTrue(e.getMessage().contains("file is bigint, expected string"), e.getMessage());
  }

  @Test
  void aPageReadFromWarcAndFromWetGetsTheSameIdTheCrawlOfItsWarcinfoAndADeclaredLanguage() {
    Path warc = LocalSpark.sharedData("warc/commoncrawl-whirlwind/whirlwind.warc.gz");
    Path wet = LocalSpark.sharedData("warc/commoncrawl-whirlwind/whirlwind.warc.wet.gz");
    String realOut = dir.resolve("real").toString();
    extract(spark, List.of(warc.toString(), wet.toString()), realOut);
    List<Row> docs = spark.read().parquet(realOut + "/extract/documents").collectAsList();
    assertEquals(2, docs.size());
    assertEquals(docs.get(0).<String>getAs("doc_id"), docs.get(1).<String>getAs("doc_id"));
    Set<String> extractors = docs.stream().map(r -> r.<String>getAs("extractor")).collect(Collectors.toSet());
    assertTrue(extractors.contains(ExtractText.WET_EXTRACTOR), extractors.toString());
    assertTrue(docs.stream().allMatch(d -> "CC-MAIN-2024-22".equals(d.getAs("crawl"))),
        "the local copy has no crawl-data/ path; the warcinfo record names the crawl");
    Row wetDocument = docs.stream().filter(d -> ExtractText.WET_EXTRACTOR.equals(d.getAs("extractor"))).findFirst()
        .orElseThrow();
    assertEquals("es", wetDocument.getAs("lang_declared"), "WARC-Identified-Content-Language spa");
  }

  @Test
  void aRealPageWhoseOnlyTextIsPaginationIsRejectedAsBoilerplateOnly() {
    Path warc = LocalSpark.sharedData("warc/resiliparse/warcfile.warc.gz");
    String realOut = dir.resolve("boilerplate").toString();
    StageCounts real = extract(spark, List.of(warc.toString()), realOut);
    assertTrue(real.rejected().getOrDefault("boilerplate_only", 0L) >= 2, real.toString());
    assertEquals(0, spark.read().parquet(realOut + "/extract/documents")
        .filter("host like '%0755krk.com' or host like '%077678u.info'").count());
    assertEquals(2, spark.read().parquet(realOut + "/extract/rejected")
        .filter("reason = 'boilerplate_only' and (url like '%0755krk.com%' or url like '%077678u.info%')").count());
  }
}

package org.corpuskit.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.corpuskit.jobs.pipeline.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
  @TempDir
  Path dir;

  private final Configuration conf = new Configuration();

  private static String uri(Path path) {
    return "file:" + path.toAbsolutePath();
  }

  @Test
  void aCrawlNameStandsForItsPathListing() {
    assertEquals("s3a://commoncrawl/crawl-data/CC-MAIN-2024-22/warc.paths.gz",
        Inputs.crawlListing("CC-MAIN-2024-22", "warc", "s3a://commoncrawl"));
    assertThrows(UsageException.class, () -> Inputs.crawlListing("2024-22", "warc", "s3a://x/"));
  }

  @Test
  void directoriesAreReadRecursivelyWithoutHiddenOrMarkerFiles() throws IOException {
    Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(dir.resolve("a/one.warc.gz"), "");
    Files.writeString(dir.resolve("a/b/two.warc.gz"), "");
    Files.writeString(dir.resolve("a/_SUCCESS"), "");
    Files.writeString(dir.resolve("a/.crc"), "");
    Files.createDirectories(dir.resolve("a/_temporary/0"));
    Files.writeString(dir.resolve("a/_temporary/0/part.warc.gz"), "");
    Files.createDirectories(dir.resolve("a/.hidden"));
    Files.writeString(dir.resolve("a/.hidden/three.warc.gz"), "");
    List<String> files = Inputs.resolve(List.of(uri(dir.resolve("a"))), "", 0, conf).paths();
    assertEquals(2, files.size(), files.toString());
    assertTrue(files.get(0).endsWith("b/two.warc.gz") && files.get(1).endsWith("one.warc.gz"), files.toString());
  }

  @Test
  void globsMatchAndMaxFilesKeepsTheFirstOfTheSortedList() throws IOException {
    for (String name : List.of("c.warc.gz", "a.warc.gz", "b.warc.gz", "x.txt")) {
      Files.writeString(dir.resolve(name), "");
    }
    List<String> files = Inputs.resolve(List.of(uri(dir) + "/*.warc.gz"), "", 2, conf).paths();
    assertEquals(2, files.size());
    assertTrue(files.get(0).endsWith("a.warc.gz") && files.get(1).endsWith("b.warc.gz"), files.toString());
  }

  @Test
  void aPathListingResolvesRelativeLinesAgainstTheBaseAndKeepsLinesWithASchemeAsTheyAre() throws IOException {
    Path listing = dir.resolve("warc.paths.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(listing))) {
      out.write("crawl-data/X/one.warc.gz\n\ncrawl-data/X/two.warc.gz\nfile:/data/three.warc.gz\n"
          .getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(List.of("file:/data/three.warc.gz", "https://data.commoncrawl.org/crawl-data/X/one.warc.gz",
        "https://data.commoncrawl.org/crawl-data/X/two.warc.gz"),
        Inputs.resolve(List.of(uri(listing)), Inputs.COMMON_CRAWL_BASE, 0, conf).paths());
  }

  @Test
  void aRealCommonCrawlListingResolvesEveryLineAgainstTheBase() {
    Path listing = org.corpuskit.jobs.LocalSpark.sharedData("warc/commoncrawl-whirlwind/CC-MAIN-2024-22.warc.paths.gz");
    List<String> files = Inputs.resolve(List.of(uri(listing)), "https://data.commoncrawl.org", 3, conf).paths();
    assertEquals(3, files.size());
    assertTrue(files.stream().allMatch(f -> f.startsWith("https://data.commoncrawl.org/") && !f.contains("//part")),
        files.toString());
  }

  @Test
  void theFingerprintChangesWhenAFileChanges() throws IOException {
    Path file = dir.resolve("one.warc.gz");
    Files.writeString(file, "first");
    String before = Inputs.resolve(List.of(uri(file)), "", 0, conf).fingerprint();
    assertEquals(before, Inputs.resolve(List.of(uri(file)), "", 0, conf).fingerprint());
    Files.writeString(file, "second, longer");
    assertNotEquals(before, Inputs.resolve(List.of(uri(file)), "", 0, conf).fingerprint());
  }

  @Test
  void anInputThatMatchesNothingIsAUsageErrorNamingIt() {
    UsageException e = assertThrows(UsageException.class,
        () -> Inputs.resolve(List.of(uri(dir) + "/none-*.warc.gz"), "", 0, conf));
    assertTrue(e.getMessage().contains("none-*.warc.gz") && e.getMessage().contains("matches no file"), e.getMessage());
  }

  @Test
  void anUnreachableS3EndpointIsOneLineSayingSo() {
    Configuration offline = new Configuration();
    offline.set("fs.s3a.bucket.unreachable.endpoint", "http://corpus-no-such-host.invalid");
    offline.set("fs.s3a.bucket.unreachable.endpoint.region", "us-east-1");
    offline.set("fs.s3a.bucket.unreachable.aws.credentials.provider",
        "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider");
    offline.set("fs.s3a.attempts.maximum", "1");
    offline.set("fs.s3a.retry.limit", "1");
    UsageException e = assertThrows(UsageException.class,
        () -> Inputs.resolve(List.of("s3a://unreachable/crawl/warc.paths.gz"), "", 0, offline));
    assertEquals("input s3a://unreachable/crawl/warc.paths.gz: cannot read this path listing: cannot resolve the "
        + "host unreachable.corpus-no-such-host.invalid: no network or DNS here; check the connection, or read a local copy",
        e.getMessage());
  }

  @Test
  void theCrawlIsTakenFromThePath() {
    assertEquals("CC-MAIN-2024-22", Inputs.crawlOf("s3a://commoncrawl/crawl-data/CC-MAIN-2024-22/segments/x.warc.gz"));
    assertEquals("", Inputs.crawlOf("/data/mine.warc.gz"));
  }
}

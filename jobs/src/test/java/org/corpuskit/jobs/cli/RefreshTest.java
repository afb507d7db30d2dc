package org.corpuskit.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.sample.SampleCrawl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpus refresh} on the sample written as two crawls: refreshed once per crawl, then again with nothing
 * new, then after a failure, then while another refresh holds the lock; the two releases against one run over
 * both crawls.
 */
@ExtendWith(LocalSpark.class)
class RefreshTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PAGE = Pattern.compile("article-(\\d+)\\.html$");

  @TempDir
  Path dir;

  @BeforeAll
  static void shareTheTestsSession() {
    LocalSpark.session();
  }

  @Test
  void twoRefreshesHoldWhatOneRunOverBothCrawlsHoldsAndNoDuplicateAcrossReleases() throws IOException {
    List<Path> crawls = SampleCrawl.writeCrawls(dir.resolve("crawls"));
    Path releases = dir.resolve("releases");
    CliRun first = refresh(releases, crawls.get(0).toString());
    assertEquals(0, first.exitCode(), first.out() + first.err());
    assertTrue(first.out().contains("release-00001: 1 new input files (of 1; 0 in earlier releases), deduplicated "
        + "against no earlier release"), first.out());
    CliRun second = refresh(releases, dir.resolve("crawls/*.warc.gz").toString());
    assertEquals(0, second.exitCode(), second.out() + second.err());
    assertTrue(second.out().contains("release-00002: 1 new input files (of 2; 1 in earlier releases), deduplicated "
        + "against release-00001"), second.out());

    CliRun again = refresh(releases, dir.resolve("crawls/*.warc.gz").toString());
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().contains("nothing new: all 2 input files are in releases release-00001 to release-00002 "
        + "already; nothing was written"), again.out());
    assertFalse(Files.exists(releases.resolve("release-00003")));

    JsonNode two = JSON.readTree(releases.resolve("release-00002/release.json").toFile());
    assertEquals("[\"CC-MAIN-2024-26\"]", two.get("crawls").toString());
    assertEquals("[\"release-00001\"]", two.get("builds_on").toString());
    assertTrue(JSON.readTree(releases.resolve("release-00002/run.json").toFile()).at("/config/dedup/against")
        .toString().contains("release-00001/dedup/index"));
    CliRun listed = CliRun.of("releases", releases.toString());
    assertEquals(0, listed.exitCode(), listed.err());
    assertTrue(listed.out().matches("(?s).*release-00002 +\\S+ +CC-MAIN-2024-26 +1 +[\\d,]+ +[\\d,]+  "
        + "release-00001\\n.*"), listed.out());

    Path single = dir.resolve("single");
    CliRun run = CliRun.of("run", "--input", dir.resolve("crawls/*.warc.gz").toString(), "--out", single.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());

    SparkSession spark = LocalSpark.session();
    List<Row> one = documents(spark, releases.resolve("release-00001"));
    List<Row> other = documents(spark, releases.resolve("release-00002"));
    Set<String> texts = new HashSet<>();
    one.forEach(r -> texts.add(normalised(r.getString(2))));
    for (Row row : other) {
      assertFalse(texts.contains(normalised(row.getString(2))), "release 2 repeats a text of release 1: " + row);
    }
    Set<Integer> pagesOfTwo = pages(other);
    for (int[] pair : SampleCrawl.plantedDuplicates()) {
      if (SampleCrawl.crawlOf(pair[1]) == 0 && SampleCrawl.crawlOf(pair[0]) == 1) {
        assertFalse(pagesOfTwo.contains(pair[0]), "page " + pair[0] + " copies page " + pair[1] + " of release 1");
      }
    }

    // A release is never rewritten: a page captured again in the second crawl stays in release 1 as it was
    // first captured, and its second capture, a near duplicate, is left out of release 2; one run over both
    // crawls keeps the later capture instead. Apart from those pages, the documents are the same.
    Set<String> union = new TreeSet<>(ids(one));
    union.addAll(ids(other));
    Set<String> whole = new TreeSet<>(ids(documents(spark, single)));
    Set<String> onlyReleases = new TreeSet<>(union);
    onlyReleases.removeAll(whole);
    Set<String> onlySingle = new TreeSet<>(whole);
    onlySingle.removeAll(union);
    Set<String> recapturedUrls = new TreeSet<>();
    for (int page = 0; page < SampleCrawl.PAGES; page++) {
      if (SampleCrawl.crawlOf(page) == 0 && recaptured(page)) {
        recapturedUrls.add(String.valueOf(page));
      }
    }
    assertFalse(recapturedUrls.isEmpty());
    assertEquals(recapturedUrls, pageNumbers(spark, releases.resolve("release-00001"), onlyReleases));
    assertEquals(recapturedUrls, pageNumbers(spark, single, onlySingle));
    assertEquals(whole.size(), union.size());
  }

  @Test
  void aRefreshAfterAFailureFinishesTheReleaseAndALockHeldByARunningRefreshRefusesAnother() throws Exception {
    List<Path> crawls = SampleCrawl.writeCrawls(dir.resolve("crawls"));
    Path releases = dir.resolve("releases");
    assertEquals(0, refresh(releases, crawls.get(0).toString()).exitCode());
    Path release = releases.resolve("release-00001");
    // As a refresh killed during pack leaves it: no release.json, no pack marker.
    Files.delete(release.resolve("release.json"));
    Files.delete(release.resolve("pack/_COMPLETE.json"));
    CliRun listed = CliRun.of("releases", releases.toString());
    assertTrue(listed.out().contains("release-00001  unfinished"), listed.out());

    Process running = new ProcessBuilder("sleep", "120").start();
    try {
      Files.writeString(releases.resolve("_refresh.lock"), "{\"host\": \"" + java.net.InetAddress.getLocalHost()
          .getHostName() + "\", \"pid\": " + running.pid() + ", \"started\": \"2026-12-01T00:00:00Z\"}");
      CliRun refused = refresh(releases, crawls.get(0).toString());
      assertEquals(2, refused.exitCode(), refused.out() + refused.err());
      assertTrue(refused.err().contains("is being refreshed by process " + running.pid() + " on "), refused.err());
      assertFalse(Files.exists(release.resolve("release.json")));
    } finally {
      running.destroy();
    }
    // A lock from another host that its holder stopped rewriting ten minutes ago: that driver is gone.
    Files.writeString(releases.resolve("_refresh.lock"), "{\"host\": \"driver-7f9c\", \"pid\": 1}");
    Files.setLastModifiedTime(releases.resolve("_refresh.lock"), java.nio.file.attribute.FileTime.from(
        java.time.Instant.now().minus(java.time.Duration.ofMinutes(11))));
    CliRun expired = refresh(releases, crawls.get(0).toString() + "-missing");
    assertEquals(2, expired.exitCode(), "the input matches nothing: " + expired.err());
    assertTrue(expired.out().contains("the lock of process 1 on driver-7f9c, not rewritten for 11 minutes, is "
        + "taken over"), expired.out());
    assertFalse(Files.exists(releases.resolve("_refresh.lock")), "given up when the refresh ended");

    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(releases.resolve("_refresh.lock"), "{\"host\": \"" + java.net.InetAddress.getLocalHost()
        .getHostName() + "\", \"pid\": " + gone.pid() + ", \"started\": \"2026-12-01T00:00:00Z\"}");
    CliRun resumed = refresh(releases, crawls.get(0).toString());
    assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
    assertTrue(resumed.out().contains("the lock of process " + gone.pid() + " on "), resumed.out());
    assertTrue(resumed.out().contains(", which no longer runs, is taken over"), resumed.out());
    assertTrue(resumed.out().contains("release-00001, resumed"), resumed.out());
    for (String stage : List.of("extract", "filter", "dedup", "decontaminate", "tokenize", "mix")) {
      assertTrue(resumed.out().matches("(?s).*\\n" + stage + " +reused .*"), stage + ": " + resumed.out());
    }
    assertTrue(resumed.out().matches("(?s).*\\npack +ran .*"), resumed.out());
    assertTrue(Files.exists(release.resolve("release.json")));
    assertFalse(Files.exists(releases.resolve("_refresh.lock")));
  }

  @Test
  void aDirectoryHoldingSomethingElseIsRefusedAndRefreshNeedsInput() throws IOException {
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    CliRun refused = refresh(other, SampleCrawl.write(dir.resolve("in")).warc().toString());
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("holds notes.txt, which is no release"), refused.err());
    CliRun noInput = CliRun.of("refresh", "--releases", other.toString());
    assertEquals(2, noInput.exitCode());
    assertTrue(noInput.err().contains("give --crawl or --input"), noInput.err());
  }

  private static CliRun refresh(Path releases, String input) {
    return CliRun.of("refresh", "--releases", releases.toString(), "--input", input);
  }

  private static List<Row> documents(SparkSession spark, Path out) {
    return spark.read().parquet(out.resolve("decontaminate/documents").toString())
        .select(col("doc_id"), col("url"), col("text")).collectAsList();
  }

  private static List<String> ids(List<Row> rows) {
    return rows.stream().map(r -> r.getString(0)).toList();
  }

  private static Set<Integer> pages(List<Row> rows) {
    Set<Integer> pages = new HashSet<>();
    for (Row row : rows) {
      Matcher m = PAGE.matcher(row.getString(1));
      if (m.find()) {
        pages.add(Integer.parseInt(m.group(1)));
      }
    }
    return pages;
  }

  /** The page numbers in the URLs of the documents {@code ids} of a run's extract output. */
  private static Set<String> pageNumbers(SparkSession spark, Path out, Set<String> ids) {
    Set<String> numbers = new TreeSet<>();
    for (Row row : spark.read().parquet(out.resolve("extract/documents").toString()).select("doc_id", "url")
        .collectAsList()) {
      Matcher m = PAGE.matcher(row.getString(1));
      if (ids.contains(row.getString(0)) && m.find()) {
        numbers.add(m.group(1));
      }
    }
    return numbers;
  }

  private static boolean recaptured(int page) {
    return page % 100 == 60;
  }

  private static String normalised(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}

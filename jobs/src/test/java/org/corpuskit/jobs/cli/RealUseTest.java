package org.corpuskit.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.sample.SampleCrawl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user met on real archives and ordinary inputs: each test is one reproduction, run through the
 * command line in the tests' session as {@code bin/corpus} runs it.
 */
@ExtendWith(LocalSpark.class)
class RealUseTest {
  private static final List<String> STAGES = List.of("extract", "filter", "dedup", "decontaminate", "tokenize",
      "mix", "pack");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @BeforeAll
  static void shareTheTestsSession() {
    LocalSpark.session();
  }

  @Test
  void everyStageFinishesWithCountsAtZeroOnAnEmptyInputFolder() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path out = dir.resolve("out");
    CliRun result = CliRun.of("run", "--input", empty.toString(), "--out", out.toString());
    assertEquals(0, result.exitCode(), result.out() + result.err());
    for (String stage : STAGES) {
      assertTrue(result.out().matches("(?s).*\\n" + stage + " +ran +0 +0 +0 +0 .*"), stage + ": " + result.out());
    }
    assertTrue(result.out().contains("no documents to mix"), result.out());
    assertTrue(result.out().contains("no benchmarks given, so nothing was decontaminated"), result.out());
    assertEquals("succeeded", JSON.readTree(out.resolve("run.json").toFile()).get("status").asText());
    assertEquals(0, JSON.readTree(out.resolve("pack/manifest.json").toFile()).get("sequences").asLong());
  }

  @Test
  void aStageThatRejectsNothingFinishesAndNoSecretReachesAFileOrTheConsole() throws IOException {
    Path page = LocalSpark.sharedData("warc/jwarc/cc.warc.gz");
    Path out = dir.resolve("out");
    String secret = "SECRET123abcFAKE";
    String sessionToken = "FwoGZXIvYXdzEFAKEsessiontoken";
    CliRun result = CliRun.of("run", "--input", page.toString(), "--out", out.toString(),
        "--set", "spark.conf.spark.hadoop.fs.s3a.secret.key=" + secret,
        "--set", "spark.conf.spark.hadoop.fs.s3a.bucket.my-bucket.session.token=" + sessionToken,
        "--set", "spark.conf.spark.sql.shuffle.partitions=7");
    assertEquals(0, result.exitCode(), result.out() + result.err());
    assertTrue(result.out().matches("(?s).*\\nfilter +ran +1 +1 +0 +0 .*"), result.out());
    assertTrue(result.out().matches("(?s).*\\npack +ran +1 +1 +0 +0 .*"), result.out());
    JsonNode conf = JSON.readTree(out.resolve("run.json").toFile()).get("config").get("spark").get("conf");
    assertEquals("7", conf.get("spark.sql.shuffle.partitions").asText(), "a key under a map takes dots");
    assertEquals("*****", conf.get("spark.hadoop.fs.s3a.secret.key").asText());
    for (String text : List.of(secret, sessionToken)) {
      assertFalse(result.out().contains(text) || result.err().contains(text), "the console shows " + text);
      try (Stream<Path> files = Files.walk(out)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
              .contains(text), file + " holds " + text);
        }
      }
    }
    assertFalse(JSON.readTree(out.resolve("pack/manifest.json").toFile()).get("config").has("spark"),
        "how Spark ran is not part of what the shards are");
  }

  @Test
  void aRuleThatRejectsEverythingLeavesTheLaterStagesEmptyAndRejectedRowsKeepTheirText() throws IOException {
    Path warc = SampleCrawl.write(dir.resolve("in")).warc();
    Path out = dir.resolve("out");
    CliRun result = CliRun.of("run", "--input", warc.toString(), "--out", out.toString(),
        "--set", "filter.rules.everything=true", "--set", "sources.sets={}");
    assertEquals(0, result.exitCode(), result.out() + result.err());
    assertTrue(result.out().matches("(?s).*\\nfilter +ran +526 +0 +526 +0 .*"), result.out());
    for (String stage : STAGES.subList(2, STAGES.size())) {
      assertTrue(result.out().matches("(?s).*\\n" + stage + " +ran +0 +0 +0 +0 .*"), stage + ": " + result.out());
    }
    SparkSession spark = LocalSpark.session();
    long inputChars = spark.read().parquet(out.resolve("extract/documents").toString())
        .selectExpr("sum(length(text))").first().getLong(0);
    long rejectedChars = spark.read().parquet(out.resolve("filter/rejected").toString())
        .selectExpr("sum(length(text))").first().getLong(0);
    assertEquals(inputChars, rejectedChars, "rejected documents keep the text they came in with, not C4's edit");
  }

  @Test
  void moreUnreadableInputFilesThanTheToleratedShareStopTheRunAfterExtractNamingThem() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    SampleCrawl.write(in.resolve("crawl"));
    Files.writeString(in.resolve("crawl/notes.warc.gz"), "not an archive, saved under the wrong name\n");
    Files.write(in.resolve("crawl/empty.warc.gz"), new byte[0]);
    String input = in.resolve("crawl/*.warc.gz").toString();
    Path out = dir.resolve("out");
    CliRun stopped = CliRun.of("run", "--input", input, "--out", out.toString());
    assertEquals(1, stopped.exitCode(), stopped.out() + stopped.err());
    assertTrue(stopped.err().contains("stage extract failed: 2 of 3 input files unreadable (66.7%): empty.warc.gz "
        + "(empty_file), notes.warc.gz (not_an_archive); all in extract/errors. That is more than "
        + "extract.max_unreadable_share, 1.0%, so the run stops here"), stopped.err());
    assertFalse(Files.exists(out.resolve("extract/_COMPLETE.json")));
    assertFalse(Files.exists(out.resolve("filter")));
    CliRun tolerated = CliRun.of("run", "--input", input, "--out", out.toString(), "--to", "extract", "--set",
        "extract.max_unreadable_share=0.7");
    assertEquals(0, tolerated.exitCode(), tolerated.out() + tolerated.err());
    assertTrue(tolerated.out().contains("2 of 3 input files unreadable (66.7%): empty.warc.gz (empty_file), "
        + "notes.warc.gz (not_an_archive); all in extract/errors; tolerated up to 70.0%"), tolerated.out());
  }

  @Test
  void aFailedRunSaysFailedInRunJsonWithTheStageAndOneLine() throws IOException {
    Path warc = SampleCrawl.write(dir.resolve("in")).warc();
    Path out = dir.resolve("out");
    CliRun result = CliRun.of("run", "--input", warc.toString(), "--out", out.toString(), "--to", "filter",
        "--set", "filter.rules.misspelt=signals.no_such_signal > 1");
    assertEquals(1, result.exitCode(), result.out() + result.err());
    List<String> said = result.err().lines().filter(l -> l.startsWith("corpus")).toList();
    assertEquals(1, said.size(), result.err());
    assertTrue(said.get(0).startsWith("corpus run: stage filter failed: AnalysisException: "), result.err());
    JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
    assertEquals("failed", run.get("status").asText());
    assertEquals("filter", run.get("failed_stage").asText());
    assertTrue(run.get("error").asText().contains("no_such_signal"), run.toString());
    assertFalse(run.get("error").asText().contains("\n"));
  }

  @Test
  void shardsAreTheSameBytesWhateverThePartitionsAndAfterAnInterruptedPack() throws IOException {
    Path warc = SampleCrawl.write(dir.resolve("in")).warc();
    Path first = dir.resolve("first");
    CliRun result = CliRun.of("run", "--input", warc.toString(), "--out", first.toString());
    assertEquals(0, result.exitCode(), result.out() + result.err());
    SparkSession spark = LocalSpark.session();
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");
    Path second = dir.resolve("second");
    try {
      spark.conf().set("spark.sql.shuffle.partitions", "7");
      assertEquals(0, CliRun.of("run", "--input", warc.toString(), "--out", second.toString(), "--to", "mix")
          .exitCode());
      // A pack killed half way leaves a part file and no marker; the next run clears it and packs again.
      Path shards = Files.createDirectories(second.resolve("pack/shards"));
      Files.write(shards.resolve("part-00000-killed.zstd.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 1});
      spark.conf().set("spark.sql.shuffle.partitions", "3");
      CliRun resumed = CliRun.of("run", "--input", warc.toString(), "--out", second.toString());
      assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
      assertTrue(resumed.out().matches("(?s).*\\nmix +reused .*\\npack +ran .*"), resumed.out());
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", partitions);
    }
    Map<String, String> firstShards = hashes(first.resolve("pack/shards"));
    assertTrue(firstShards.size() >= 1);
    assertEquals(firstShards, hashes(second.resolve("pack/shards")));
    JsonNode a = JSON.readTree(first.resolve("pack/manifest.json").toFile());
    JsonNode b = JSON.readTree(second.resolve("pack/manifest.json").toFile());
    assertEquals(a.get("shards"), b.get("shards"));
    assertEquals(a.get("sources"), b.get("sources"));
  }

  @Test
  void aStageRunAloneTakesDocumentsAsUsersHaveThem() throws IOException {
    SparkSession spark = LocalSpark.session();
    String prose = "'The harbour ferry leaves every forty minutes in summer. The timetable changes in October, "
        + "when the tides are lower. Passengers with bicycles board first. The cafe on the pier opens at seven. "
        + "Tickets are sold on board. '";
    Path onlyText = dir.resolve("only-text");
    spark.sql("select concat(" + prose + ", id) as text from range(12)").coalesce(1).write().parquet(
        onlyText.toString());
    Path ntz = dir.resolve("duckdb");
    spark.sql("select concat('n', id) as doc_id, concat(" + prose + ", id) as text, cast(timestamp'2024-05-01 "
        + "10:00:00' as timestamp_ntz) as fetch_time, cast(200 as bigint) as http_status from range(12)")
        .coalesce(1).write().parquet(ntz.toString());
    Path jsonl = dir.resolve("jsonl");
    spark.sql("select concat(" + prose + ", id % 8) as text, concat('https://example.org/', id) as url "
        + "from range(12)").coalesce(1).write().option("compression", "gzip").json(jsonl.toString());
    for (Path input : List.of(onlyText, ntz, jsonl)) {
      Path out = dir.resolve("out-" + input.getFileName());
      CliRun result = CliRun.of("filter", "--input", input.toString(), "--out", out.toString());
      assertEquals(0, result.exitCode(), input + ": " + result.out() + result.err());
      assertTrue(result.out().matches("(?s).*\\nfilter +ran +12 .*"), result.out());
    }
    org.corpuskit.sample.SyntheticText distinct = new org.corpuskit.sample.SyntheticText(5);
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      lines.add(JSON.writeValueAsString(Map.of("text", distinct.document(i, 1500))));
    }
    Path noUrls = Files.write(dir.resolve("no-urls.jsonl"), lines);
    CliRun dedup = CliRun.of("dedup", "--input", noUrls.toString(), "--out", dir.resolve("dedup").toString());
    assertTrue(dedup.out().matches("(?s).*\\ndedup +ran +6 +6 +0 +0 .*"), "documents without URLs are no "
        + "captures of one page: " + dedup.out() + dedup.err());
    long ids = spark.read().parquet(dir.resolve("out-jsonl/filter/documents").toString()).select("doc_id")
        .unionByName(spark.read().parquet(dir.resolve("out-jsonl/filter/rejected").toString()).select("doc_id"))
        .distinct().count();
    assertEquals(12, ids, "documents of the same text still get ids of their own");
  }

  @Test
  void anEmptyFolderOrAnArchiveGivenAsDocumentsIsOneLineBeforeSparkWrites() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path archive = SampleCrawl.write(dir.resolve("in")).warc();
    String[][] cases = {{empty.toString(), "an empty folder"},
        {archive.toString(), "is neither Parquet nor JSON lines"}};
    for (String[] c : cases) {
      Path out = dir.resolve("out");
      CliRun result = CliRun.of("dedup", "--input", c[0], "--out", out.toString());
      assertEquals(2, result.exitCode(), result.err());
      assertEquals(1, result.err().strip().lines().count(), result.err());
      assertTrue(result.err().contains(c[1]), result.err());
      assertTrue(Files.notExists(out), "nothing is written");
    }
  }

  @Test
  void tokenizeTakesCleanDocumentSetsWithoutInput() throws IOException {
    Path set = Files.writeString(dir.resolve("wiki.jsonl"), "{\"text\": \"Tides follow the moon.\"}\n"
        + "{\"text\": \"The ferry waits for high water.\"}\n");
    CliRun result = CliRun.of("tokenize", "--documents", "wiki=" + set, "--out", dir.resolve("out").toString());
    assertEquals(0, result.exitCode(), result.out() + result.err());
    assertTrue(result.out().matches("(?s).*\\ntokenize +ran +2 +2 +0 +0 .*"), result.out());
  }

  @Test
  void everyProblemFoundBeforeSparkIsReportedAtOnce() throws IOException {
    Path out = dir.resolve("out");
    Path in = Files.createDirectories(dir.resolve("in"));
    CliRun result = CliRun.of("run", "--input", in.toString(), "--out", out.toString(),
        "--benchmark", "gone=" + dir.resolve("no-such.jsonl") + ":gsm8k",
        "--tokenizer", "hf:" + dir.resolve("no-such-tokenizer.json"),
        "--set", "filter.stop_words=" + dir.resolve("no-such-stopwords.json"));
    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("corpus run: 3 problems, found before starting; nothing was run:"),
        result.err());
    assertTrue(result.err().contains("benchmark gone") && result.err().contains("no-such-tokenizer.json")
        && result.err().contains("filter.stop_words"), result.err());
    assertTrue(Files.notExists(out), "nothing is written");
  }

  @Test
  void commandsShowOnlyTheOptionsThatApplyToThem() {
    CliRun filter = CliRun.of("filter", "--help");
    assertFalse(filter.out().contains("--max-depth") || filter.out().contains("--to=") || filter.out()
        .contains("--tokenizer"), filter.out());
    CliRun mix = CliRun.of("mix", "--to", "pack", "--input", "x");
    assertEquals(2, mix.exitCode());
    assertTrue(mix.err().contains("Unknown options: '--to'"), mix.err());
    assertTrue(CliRun.of("run", "--help").out().contains("--max-depth"));
  }

  @Test
  void aDatasetOfAnotherStageOrAFolderWithoutShardsIsAUsageError() throws IOException {
    Path documents = dir.resolve("documents");
    LocalSpark.session().sql("select 'd1' as doc_id, 'The tide turns at noon.' as text").write()
        .parquet(documents.toString());
    CliRun mix = CliRun.of("mix", "--input", documents.toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, mix.exitCode(), mix.err());
    assertTrue(mix.err().contains("missing n_tokens int") && mix.err().contains("such as OUT/tokenize/documents"),
        mix.err());
    CliRun verify = CliRun.of("verify", Files.createDirectories(dir.resolve("empty")).toString());
    assertEquals(2, verify.exitCode(), verify.err());
    assertTrue(verify.err().contains("no manifest.json"), verify.err());
  }

  @Test
  void anUnknownCommandIsAUsageErrorWhateverFollowsIt() {
    CliRun result = CliRun.of("no-such-command", "--help");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("no command 'no-such-command'"), result.err());
  }

  @Test
  void sampleTakesItsFolderAsAnArgument() {
    CliRun result = CliRun.of("sample", dir.resolve("s").toString());
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(Files.exists(dir.resolve("s").resolve(SampleCrawl.WARC_NAME)));
  }

  /** The SHA-256 of each Parquet file in {@code folder}, by name. */
  static Map<String, String> hashes(Path folder) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        out.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.corpuskit.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.sample.SampleCrawl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class CorpusCliTest {
  @TempDir
  Path dir;

  /** The commands use the session that exists, as under spark-submit, instead of starting and stopping one. */
  @BeforeAll
  static void shareTheTestsSession() {
    LocalSpark.session();
  }

  private static CliRun corpus(String... args) {
    return CliRun.of(args);
  }

  @Test
  void extractHtmlPrintsOneJsonLinePerFile() throws IOException {
    Path page = dir.resolve("page.html");
    Files.writeString(page, "<html><head><title>Tide tables</title></head><body><nav>Home</nav><article><p>"
        + "High water at the northern pier comes forty minutes after the harbour, and the ferry waits for it."
        + "</p></article></body></html>");
    CliRun result = corpus("extract-html", page.toString(), dir.resolve("missing.html").toString());
    assertEquals(1, result.exitCode(), "a missing file is reported and makes the exit code non-zero");
    String[] lines = result.out().strip().split("\n");
    assertEquals(2, lines.length, result.out());
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertEquals("Tide tables", first.get("title").asText());
    assertTrue(first.get("text").asText().startsWith("High water at the northern pier"));
    assertTrue(new ObjectMapper().readTree(lines[1]).has("error"));
  }

  @Test
  void sampleWritesTheCrawlAndTheBenchmarkFile() {
    CliRun result = corpus("sample", "--out", dir.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(Files.exists(dir.resolve(SampleCrawl.WARC_NAME)));
    assertTrue(Files.exists(dir.resolve(SampleCrawl.BENCHMARK_NAME)));
  }

  @Test
  void runWithoutInputProcessesTheEmbeddedSampleAndWritesTheLineageAndTheFunnel(SparkSession spark)
      throws IOException {
    Path out = dir.resolve("out");
    CliRun result = corpus("run", "--out", out.toString());
    assertEquals(0, result.exitCode(), result.out() + result.err());
    assertTrue(result.out().contains("No --input: running on the embedded sample"), result.out());
    assertTrue(result.out().matches("(?s).*\\nextract +ran +544 +526 +15 +3 .*"), result.out());
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertEquals("succeeded", run.get("status").asText());
    assertEquals(spark.version(), run.get("spark_version").asText());
    assertEquals(512, run.get("config").get("extract").get("max_depth").asInt());
    assertTrue(run.get("inputs").get("files").get(0).get("size").asLong() > 0);
    assertEquals(544, run.get("stages").get(0).get("counts").get("in").asLong());
    JsonNode stats = new ObjectMapper().readTree(out.resolve("stats.json").toFile());
    assertEquals(526, stats.get("stages").get(0).get("out").asLong());
    assertTrue(spark.read().parquet(out.resolve("extract/documents").toString()).count() >= SampleCrawl.PAGES);
    Dataset<Row> quoting = spark.read().parquet(out.resolve("dedup/documents").toString())
        .filter("text like '%A reader asked us:%'");
    assertTrue(quoting.count() >= 10, "the sample's pages quoting its benchmark reach decontaminate");
    Dataset<Row> matched = spark.read().parquet(out.resolve("decontaminate/matches").toString());
    assertEquals(0, quoting.join(matched.select("doc_id").distinct(), new String[] {"doc_id"}, "left_anti").count(),
        "a page quoting the sample benchmark is not matched");
    assertEquals(0, spark.read().parquet(out.resolve("decontaminate/documents").toString())
        .filter("text like '%A reader asked us:%'").count(), "a quote is left in the output");
    assertTrue(result.out().matches("(?s).*\\n +sample: 8 of 8 items found in .*"), result.out());
    assertTrue(result.out().matches("(?s).*\\ntokenize +ran +533 +533 +0 +0 .*"), "473 pages and 60 reference "
        + "documents: " + result.out());
    assertTrue(result.out().matches("(?s).*\\npack +ran +533 +533 .*\\nverify: 1 shard file, .*"), result.out());
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("pack/manifest.json").toFile());
    assertEquals(List.of("common-crawl", "reference"), fieldNames(manifest.get("sources")));
    assertEquals(0, manifest.get("dropped_tokens").asLong());
    CliRun verified = corpus("verify", out.toString());
    assertEquals(0, verified.exitCode(), verified.out() + verified.err());
    assertTrue(verified.out().contains("verified: " + out), verified.out());

    CliRun again = corpus("run", "--out", out.toString());
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().matches("(?s).*\\nextract +reused +544 +526 .*"), again.out());
  }

  @Test
  void filterRunsAloneOnADocumentsDatasetMadeElsewhereAndReusesItsOutputAfterwards() throws IOException {
    Path warc = SampleCrawl.write(dir.resolve("in")).warc();
    assertEquals(0, corpus("extract", "--input", warc.toString(), "--out", dir.resolve("a").toString()).exitCode());
    String documents = dir.resolve("a/extract/documents").toString();
    CliRun first = corpus("filter", "--input", documents, "--out", dir.resolve("b").toString());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().matches("(?s).*\\nfilter +ran +526 .*"), first.out());
    assertTrue(Files.exists(dir.resolve("b/filter/_COMPLETE.json")));
    CliRun again = corpus("filter", "--input", documents, "--out", dir.resolve("b").toString());
    assertTrue(again.out().matches("(?s).*\\nfilter +reused +526 .*"), again.out());
  }

  @Test
  void configPrintsEveryKeyWithItsDescriptionAndReadsBackAsAConfigFile() throws IOException {
    CliRun printed = corpus("config", "--set", "extract.max_depth=99", "--max-files", "3");
    assertEquals(0, printed.exitCode(), printed.err());
    assertTrue(printed.out().contains("max_depth: 99"), printed.out());
    assertTrue(printed.out().contains("(default: 512)"), printed.out());
    Path file = dir.resolve("printed.yaml");
    Files.writeString(file, printed.out());
    CliRun reread = corpus("config", "--config", file.toString());
    assertEquals(printed.out(), reread.out());
  }

  @Test
  void everyShorthandSetsItsKeyAndAListOptionTakesRepeatsAndCommas() {
    CliRun printed = corpus("config", "--source", "crawl", "--cc-base", "s3://b/", "--max-files", "3",
        "--max-payload-mb", "7", "--max-depth", "99", "--against", "a,b", "--against", "c", "--benchmark",
        "q=/q.jsonl:gsm8k", "--mode", "drop-document", "--documents", "wiki=/w.jsonl", "--tokenizer", "o200k_base",
        "--temperature", "1.5", "--target-tokens", "1000", "--seq-len", "512", "--strategy", "best-fit",
        "--eos", "7");
    assertEquals(0, printed.exitCode(), printed.err());
    List<String> expected = List.of("source: \"crawl\"", "cc_base: \"s3://b/\"", "max_files: 3",
        "max_payload_mb: 7", "max_depth: 99", "against: [\"a\",\"b\",\"c\"]", "q=/q.jsonl:gsm8k",
        "mode: \"drop-document\"", "wiki: \"/w.jsonl\"", "tokenizer: \"o200k_base\"", "temperature: 1.5",
        "target_tokens: 1000", "seq_len: 512", "strategy: \"best-fit\"", "eos: 7");
    for (String line : expected) {
      assertTrue(printed.out().contains(line), line + " in\n" + printed.out());
    }
    assertEquals(Shorthand.all().size(), expected.size(), "a shorthand without a line here");
  }

  @Test
  void uiTurnsSparksWebUiOnForASessionCorpusStarts() {
    CliRun printed = corpus("config", "--ui");
    assertEquals(0, printed.exitCode(), printed.err());
    assertTrue(printed.out().contains("spark.ui.enabled: \"true\""), printed.out());
    assertTrue(corpus("config").out().contains("spark.ui.enabled: \"false\""));
  }

  @Test
  void aMisspeltKeyIsAUsageErrorWithTheFileTheLineAndASuggestion() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "extract:\n  source: web\n  max_dept: 9\n");
    CliRun result = corpus("run", "--config", file.toString(), "--out", dir.resolve("x").toString());
    assertEquals(2, result.exitCode());
    assertEquals("corpus run: " + file + " line 3: unknown key extract.max_dept; did you mean extract.max_depth?",
        result.err().strip());
    assertTrue(Files.notExists(dir.resolve("x")), "nothing is written before the configuration is checked");
  }

  @Test
  void aPayloadLimitTheHeapCannotHoldIsRefusedWithBothNumbers() throws IOException {
    Path warc = SampleCrawl.write(dir.resolve("in")).warc();
    CliRun result = corpus("extract", "--input", warc.toString(), "--out", dir.resolve("big").toString(),
        "--max-payload-mb", "2000");
    assertEquals(2, result.exitCode(), result.err());
    long heapMb = Runtime.getRuntime().maxMemory() >> 20;
    assertTrue(result.err().contains("extract.max_payload_mb 2000 needs about")
        && result.err().contains("the local JVM has " + heapMb + " MB"), result.err());
  }

  @Test
  void commonMistakesAreOneLineNamingTheValueWithExitStatusTwo() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    String out = dir.resolve("o").toString();
    String[][] cases = {
        {"matches no file", "run", "--input", dir.resolve("nothing-*.warc.gz").toString(), "--out", out},
        {"input.crawl must look like CC-MAIN-2024-22 or be latest, got '2024-22'", "run", "--crawl", "2024-22", "--out", out},
        {"is a file", "run", "--input", Files.createDirectories(dir.resolve("in")).toString(), "--out", file.toString()},
    };
    for (String[] c : cases) {
      CliRun result = corpus(List.of(c).subList(1, c.length).toArray(String[]::new));
      assertEquals(2, result.exitCode(), result.err());
      assertEquals(1, result.err().strip().lines().count(), result.err());
      assertTrue(result.err().contains(c[0]), result.err());
    }
  }

  @Test
  void everyBadBenchmarkIsReportedInOneGoBeforeSparkStarts() throws IOException {
    Path plain = Files.writeString(dir.resolve("plain.txt"), "How many pens are left in the box?\n");
    Path wrong = Files.writeString(dir.resolve("qa.jsonl"), "{\"q\": \"What?\", \"a\": \"That.\"}\n");
    String input = Files.writeString(Files.createDirectories(dir.resolve("docs")).resolve("d.jsonl"),
        "{\"text\": \"A page.\"}\n").toString();
    CliRun specs = corpus("decontaminate", "--input", input, "--out", dir.resolve("o").toString(),
        "--benchmark", "a=" + plain + ":nosuchpreset", "--benchmark", "b=" + wrong + ":fields=q[gold");
    assertEquals(2, specs.exitCode(), specs.err());
    assertTrue(specs.err().contains("benchmark a: no preset 'nosuchpreset'"), specs.err());
    assertTrue(specs.err().contains("benchmark b: a field is a dotted path"), specs.err());
    CliRun files = corpus("decontaminate", "--input", input, "--out", dir.resolve("o").toString(),
        "--benchmark", "a=" + plain + ":gsm8k", "--benchmark", "b=" + wrong + ":boolq", "--benchmark",
        "c=" + dir.resolve("missing.jsonl") + ":gsm8k");
    assertEquals(2, files.exitCode(), files.err());
    assertTrue(files.err().contains("3 problems, found before starting"), files.err());
    assertTrue(files.err().contains("benchmark a: plain.txt: is plain text, and preset gsm8k"), files.err());
    assertTrue(files.err().contains("benchmark b: qa.jsonl line 1: no value for the fields of one of preset "
        + "boolq's layouts"), files.err());
    assertTrue(files.err().contains("(it has q, a)"), files.err());
    assertTrue(files.err().contains("missing.jsonl: no such file or folder"), files.err());
    assertTrue(files.err().lines().noneMatch(l -> l.contains("benchmark a: benchmark a")), files.err());
  }

  @Test
  void personalDataIsRedactedTaggedOrLeftAloneAsThePolicySaysAndItsSpansAreWritten(SparkSession spark)
      throws IOException {
    String page = "The harbour office opens at six in the morning and closes at noon on most days of the week. "
        + "Write to the harbour master at anna.lind@harbour-mail.example or call +44 20 7946 0321 before noon. "
        + "The ferries leave from the north quay and the south quay, and the timetable changes in the winter. "
        + "Tickets are sold on board, and children under twelve travel free with an adult on every crossing.";
    String input = Files.writeString(Files.createDirectories(dir.resolve("pii-in")).resolve("docs.jsonl"),
        "{\"text\": \"" + page + "\"}\n").toString();
    for (String mode : List.of("redact", "tag", "off")) {
      Path out = dir.resolve("pii-" + mode);
      CliRun run = corpus("filter", "--input", input, "--out", out.toString(), "--set", "filter.pii.mode=" + mode,
          "--set", "filter.rules.c4_too_few_sentences=", "--set", "filter.pii.placeholders={phone: \"[tel]\"}");
      assertEquals(0, run.exitCode(), run.err());
      Row row = spark.read().parquet(out.resolve("filter/documents").toString())
          .select("text", "signals.pii_spans", "signals.pii_email", "signals.pii_phone").first();
      String text = row.getString(0);
      List<Row> spans = row.getList(1);
      switch (mode) {
        case "redact" -> {
          assertTrue(text.contains("master at <EMAIL> or call [tel] before"), text);
          assertEquals(List.of("email", "phone"), spans.stream().map(r -> r.getString(0)).toList());
          assertEquals("[tel]", text.substring(spans.get(1).getInt(1), spans.get(1).getInt(2)));
        }
        case "tag" -> {
          assertEquals(page, text);
          assertEquals("anna.lind@harbour-mail.example", text.substring(spans.get(0).getInt(1),
              spans.get(0).getInt(2)));
          assertEquals("+44 20 7946 0321", text.substring(spans.get(1).getInt(1), spans.get(1).getInt(2)));
        }
        default -> {
          assertEquals(page, text);
          assertTrue(row.isNullAt(1), "off: no spans");
        }
      }
      assertEquals(mode.equals("off") ? null : 1, row.get(2), "off: not looked for");
      assertEquals(mode.equals("off") ? null : 1, row.get(3));
    }
    CliRun bad = corpus("config", "--set", "filter.pii.types=[email, passport]");
    assertEquals(2, bad.exitCode(), bad.err());
    assertTrue(bad.err().contains("no personal data type 'passport'; types: email"), bad.err());
  }

  @Test
  void badGoldFilesForTheEvaluationsAreUsageErrorsNamedByTheCommand() throws IOException {
    Path outside = Files.writeString(dir.resolve("outside.jsonl"), "{\"text\": \"call me\", \"spans\": "
        + "[{\"type\": \"phone\", \"start\": 5, \"end\": 40}]}\n");
    CliRun pii = corpus("eval", "pii", "--gold", outside.toString());
    assertEquals(2, pii.exitCode(), pii.err());
    assertEquals("corpus eval pii: outside.jsonl record 1: a span from 5 to 40 outside the text's 7 code points",
        pii.err().strip());
    CliRun lang = corpus("eval", "lang", "--gold", dir.resolve("missing.jsonl").toString());
    assertEquals(2, lang.exitCode(), lang.err());
    assertTrue(lang.err().startsWith("corpus eval lang: ") && lang.err().strip().endsWith("missing.jsonl: no such "
        + "file"), lang.err());
  }

  @Test
  void theDecontaminationEvaluationNamesAMissingDocumentSetAndAMissingBenchmarkTogether() {
    CliRun result = corpus("eval", "decontamination", "--docs", dir.resolve("no-docs.jsonl").toString(),
        "--benchmark", "a=" + dir.resolve("no-bench.jsonl") + ":gsm8k", "--out", dir.resolve("e").toString());
    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().contains("no-docs.jsonl: no such file or folder"), result.err());
    assertTrue(result.err().contains("benchmark a: " + dir.resolve("no-bench.jsonl") + ": no such file"),
        result.err());
  }

  @Test
  void theDecontaminateHelpShowsEveryBenchmarkSetting() {
    CliRun help = corpus("decontaminate", "--help");
    for (String setting : List.of("preset=", "fields=", "records=", "format=", "encoding=", "[gold]", "[each]",
        "bzip2", "siqa")) {
      assertTrue(help.out().replaceAll("\\s+", " ").contains(setting), setting + " in\n" + help.out());
    }
  }

  @Test
  void aFailureIsOneLineUnlessVerbose() throws IOException {
    Path warc = SampleCrawl.write(dir.resolve("in")).warc();
    String unwritable = "file:/proc/corpus-cannot-write-here";
    CliRun quiet = corpus("extract", "--input", warc.toString(), "--out", unwritable);
    assertTrue(quiet.exitCode() != 0, quiet.err());
    assertEquals(1, quiet.err().strip().lines().filter(l -> l.startsWith("corpus")).count(), quiet.err());
    assertTrue(quiet.err().lines().noneMatch(l -> l.startsWith("\tat ")), quiet.err());
    CliRun verbose = corpus("extract", "--verbose", "--input", warc.toString(), "--out", unwritable);
    assertTrue(verbose.err().lines().anyMatch(l -> l.startsWith("\tat ")), verbose.err());
  }

  @Test
  void anUnknownStageInFromIsAUsageErrorListingTheStages() {
    CliRun result = corpus("run", "--from", "dedupe", "--out", dir.resolve("x").toString());
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("--from dedupe: no such stage; the stages are extract, filter"), result.err());
  }

  @Test
  void outMustNotBeAFileTheRootTheHomeDirectoryOrInsideAnInput() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path warc = SampleCrawl.write(dir.resolve("in")).warc();
    String[][] cases = {
        {file.toString(), "is a file"},
        {"/", "is the root of a file system"},
        {System.getProperty("user.home"), "is your home directory"},
        {dir.resolve("in/out").toString(), "is inside the input"},
    };
    for (String[] c : cases) {
      CliRun result = corpus("extract", "--input", dir.resolve("in").toString(), "--out", c[0]);
      assertEquals(2, result.exitCode(), c[0] + ": " + result.err());
      assertTrue(result.err().contains(c[1]), c[0] + ": " + result.err());
    }
    assertTrue(Files.exists(file) && Files.exists(warc) && Files.notExists(dir.resolve("in/out")),
        "nothing is deleted or written");
  }

  @Test
  void aNonEmptyDirectoryOfSomethingElseIsRefusedUnlessOverwriteIsGiven() throws IOException {
    Path other = Files.createDirectories(dir.resolve("photos"));
    Path photo = Files.writeString(other.resolve("cat.jpg"), "not a crawl");
    Path warc = SampleCrawl.write(dir.resolve("in")).warc();
    CliRun refused = corpus("extract", "--input", warc.toString(), "--out", other.toString());
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("is not empty and holds no run.json") && refused.err().contains("--overwrite"),
        refused.err());
    CliRun allowed = corpus("extract", "--input", warc.toString(), "--out", other.toString(), "--overwrite");
    assertEquals(0, allowed.exitCode(), allowed.err());
    assertEquals("not a crawl", Files.readString(photo));
  }

  @Test
  void evalExtractionPrintsPrecisionRecallAndF1() {
    Path gold = LocalSpark.sharedData("extraction/trafilatura/tests/evaldata.json");
    CliRun result = corpus("eval", "extraction", "--gold", gold.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().matches("(?s).*SNIPPETS: pages \\d+ .*precision 0\\.\\d+ recall 0\\.\\d+ F1 0\\.\\d+.*"),
        result.out());
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    CliRun result = corpus("extract", "--out", dir.toString());
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("give --input: archive files"), result.err());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

package org.corpuskit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.sample.SampleCrawl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class CorpusCliTest {
  @TempDir
  Path dir;

  private record Result(int exitCode, String out, String err) {}

  private static Result corpus(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Corpus.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  @Test
  void extractHtmlPrintsOneJsonLinePerFile() throws IOException {
    Path page = dir.resolve("page.html");
    Files.writeString(page, "<html><head><title>Tide tables</title></head><body><nav>Home</nav><article><p>"
        + "High water at the northern pier comes forty minutes after the harbour, and the ferry waits for it."
        + "</p></article></body></html>");
    Result result = corpus("extract-html", page.toString(), dir.resolve("missing.html").toString());
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
    Result result = corpus("sample", "--out", dir.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(Files.exists(dir.resolve(SampleCrawl.WARC_NAME)));
    assertTrue(Files.exists(dir.resolve(SampleCrawl.BENCHMARK_NAME)));
  }

  @Test
  void runWithoutInputProcessesTheEmbeddedSample(SparkSession spark) {
    Path out = dir.resolve("out");
    Result result = corpus("run", "--out", out.toString());
    assertEquals(0, result.exitCode(), result.out() + result.err());
    assertTrue(result.out().contains("No --input: running on the embedded sample"), result.out());
    assertTrue(result.out().matches("(?s).*files 1, records \\d+: pages \\d+, skipped \\d+, failed 3; .*"), result.out());
    for (String dataset : new String[] {"documents", "rejected", "errors", "file_summaries"}) {
      assertTrue(Files.isDirectory(out.resolve(dataset)), dataset);
    }
    assertTrue(spark.read().parquet(out.resolve("documents").toString()).count() >= SampleCrawl.PAGES);
  }

  @Test
  void evalExtractionPrintsPrecisionRecallAndF1() {
    Path gold = LocalSpark.sharedData("extraction/trafilatura/tests/evaldata.json");
    Result result = corpus("eval", "extraction", "--gold", gold.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().matches("(?s).*SNIPPETS: pages \\d+ .*precision 0\\.\\d+ recall 0\\.\\d+ F1 0\\.\\d+.*"),
        result.out());
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    Result result = corpus("extract", "--input", "x.warc.gz");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("Missing required option: '--out=<out>'"), result.err());
  }
}

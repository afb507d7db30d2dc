package org.corpuskit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.corpuskit.archive.ReaderConfig;
import org.corpuskit.sample.SampleCrawl;
import org.corpuskit.sample.WarcBytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractJobTest {
  @TempDir
  static Path dir;

  private SparkSession spark;
  private ExtractJob.Summary summary;
  private String out;

  static ExtractJob.Options options(List<String> inputs, String out) {
    return new ExtractJob.Options(inputs, out, "test-source", Inputs.COMMON_CRAWL_BASE, 0, ReaderConfig.DEFAULTS, 512);
  }

  @BeforeAll
  void runOnTheSample(SparkSession spark) throws IOException {
    this.spark = spark;
    SampleCrawl.Written sample = SampleCrawl.write(dir.resolve("sample"));
    out = dir.resolve("out").toString();
    summary = ExtractJob.run(spark, options(List.of(sample.warc().toString()), out));
  }

  private Dataset<Row> output(String name) {
    return spark.read().parquet(out + "/" + name);
  }

  @Test
  void everyRecordOfTheSampleIsKeptSkippedOrFailedAndTheCountsAddUp() {
    assertEquals(summary.records(), summary.pages() + summary.skipped() + summary.readFailures());
    assertTrue(summary.addsUp(), summary.describe());
    assertTrue(summary.pages() >= SampleCrawl.PAGES, summary.describe());
    assertEquals(summary.documents(), output("documents").count());
    assertEquals(summary.rejected(), output("rejected").count());
    Row file = output("file_summaries").first();
    assertEquals(summary.records(), file.<Long>getAs("records"));
  }

  @Test
  void theBrokenRecordsOfTheSampleAreInTheErrorsWithOffsetAndReason() {
    Set<String> reasons = output("errors").collectAsList().stream()
        .map(r -> r.<String>getAs("reason")).collect(Collectors.toSet());
    assertEquals(Set.of("malformed_http", "malformed_record", "truncated_file"), reasons);
    assertEquals(0, output("errors").filter("offset < 0 or file = '' or message = ''").count());
    assertEquals(summary.readFailures(), output("errors").filter("stage = 'read'").count());
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
    assertEquals("en", first.getAs("lang"));
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
    ExtractJob.run(spark, options(List.of(dir.resolve("sample").toString()), again));
    DatasetAssertions.assertSameRows(output("documents"), spark.read().parquet(again + "/documents"));
  }

  @Test
  void badFilesAreRecordedAndDoNotStopTheJob() throws IOException {
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("notes.warc.gz"), "not an archive at all");
    Files.write(bad.resolve("empty.warc"), new byte[0]);
    byte[] member = WarcBytes.gzip(WarcBytes.record("response", "urn:uuid:x", java.time.Instant.EPOCH,
        "https://a.example/", "application/http; msgtype=response",
        WarcBytes.httpResponse(200, "text/html", WarcBytes.utf8("<p>" + "words ".repeat(50) + "</p>"))));
    Files.write(bad.resolve("clipped.warc.gz"), java.util.Arrays.copyOf(member, member.length / 2));
    Files.writeString(bad.resolve("_SUCCESS"), "");
    String badOut = dir.resolve("bad-out").toString();
    ExtractJob.Summary bads = ExtractJob.run(spark, options(List.of(bad.toString()), badOut));
    assertEquals(3, bads.files(), "files starting with _ are not inputs");
    assertEquals(2, bads.readFailures());
    assertEquals(0, bads.documents());
    Set<String> reasons = spark.read().parquet(badOut + "/errors").collectAsList().stream()
        .map(r -> r.<String>getAs("reason")).collect(Collectors.toSet());
    assertEquals(Set.of("not_an_archive", "truncated_file"), reasons);
  }

  @Test
  void anInputThatMatchesNothingIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExtractJob.run(spark, options(List.of(dir.resolve("nothing-*.warc.gz").toString()), out + "-x")));
    assertTrue(e.getMessage().contains("no input matches"), e.getMessage());
  }

  @Test
  void aStageRefusesInputWithTheWrongSchema() {
    Dataset<Row> wrong = spark.range(3).toDF("file");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ReadArchives(ReaderConfig.DEFAULTS, spark.sparkContext().hadoopConfiguration()).apply(wrong));
    assertTrue(e.getMessage().contains("file is bigint, expected string"), e.getMessage());
  }

  @Test
  void aPageReadFromWarcAndFromWetGetsTheSameDocumentId() {
    Path warc = LocalSpark.sharedData("warc/commoncrawl-whirlwind/whirlwind.warc.gz");
    Path wet = LocalSpark.sharedData("warc/commoncrawl-whirlwind/whirlwind.warc.wet.gz");
    String realOut = dir.resolve("real").toString();
    ExtractJob.run(spark, options(List.of(warc.toString(), wet.toString()), realOut));
    List<Row> docs = spark.read().parquet(realOut + "/documents").collectAsList();
    assertEquals(2, docs.size());
    assertEquals(docs.get(0).<String>getAs("doc_id"), docs.get(1).<String>getAs("doc_id"));
    Set<String> extractors = docs.stream().map(r -> r.<String>getAs("extractor")).collect(Collectors.toSet());
    assertTrue(extractors.contains(ExtractText.WET_EXTRACTOR), extractors.toString());
  }
}

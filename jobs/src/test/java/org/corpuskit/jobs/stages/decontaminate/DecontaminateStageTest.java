package org.corpuskit.jobs.stages.decontaminate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.decontaminate.BenchmarkException;
import org.corpuskit.decontaminate.NGramIndex;
import org.corpuskit.decontaminate.Tokens;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.jobs.TestRuns;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageFailedException;
import org.corpuskit.sample.SyntheticText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage on documents of made-up prose with test items planted in known places: verbatim, perturbed, at the
 * end, short, as a phrase common to many documents, many times in one document, and as nearly all of a short
 * one. The benchmarks are in three formats: JSON lines, Parquet and plain text.
 */
@ExtendWith(LocalSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecontaminateStageTest {
  private static final int DOCS = 40;

  @TempDir
  static Path dir;

  private final ObjectMapper json = new ObjectMapper();
  private SparkSession spark;
  private String documents;
  private List<String> qa;
  private List<String> code;
  private String shortItem;
  private List<String> texts;
  private String out;
  private StageCounts counts;

  @BeforeAll
  void decontaminatePlantedDocuments(SparkSession spark) throws IOException {
    this.spark = spark;
    SyntheticText words = new SyntheticText(3);
    SplittableRandom random = new SplittableRandom(3);
    qa = List.of(sentence(words, random, 40), sentence(words, random, 30), sentence(words, random, 30));
    code = List.of(sentence(words, random, 25), sentence(words, random, 25));
    shortItem = sentence(words, random, 10);
    writeBenchmarks();
    texts = new ArrayList<>();
    SyntheticText prose = new SyntheticText(4);
    for (int i = 0; i < DOCS; i++) {
      texts.add(prose.document(i, 3_000));
    }
    texts.set(1, insert(texts.get(1), qa.get(0).replace("?", "") + "? " + "It is the answer one."));
    texts.set(2, insert(texts.get(2), perturbed(qa.get(1))));
    texts.set(3, texts.get(3) + "\n\n" + code.get(0));
    texts.set(4, insert(texts.get(4), "Quiz: " + shortItem));
    String commonPhrase = String.join(" ", List.of(qa.get(2).split(" ")).subList(0, 14));
    for (int i = 10; i < 22; i++) {
      texts.set(i, insert(texts.get(i), commonPhrase + "."));
    }
    StringBuilder fragmented = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      fragmented.append(prose.document(100 + i, 900)).append("\n\n").append(code.get(1)).append("\n\n");
    }
    texts.set(6, fragmented.toString());
    texts.set(7, "Short page. " + qa.get(0));
    documents = dir.resolve("documents").toString();
    spark.createDataFrame(documentRows(texts), Schemas.DOCUMENTS).repartition(3).write().parquet(documents);
    out = dir.resolve("out").toString();
    counts = run(out, List.of()).marker().counts();
  }

  @Test
  void everyDocumentIsKeptOrRejectedWithAReason() {
    assertTrue(counts.addsUp(), counts.toString());
    assertEquals(DOCS, counts.in());
    assertEquals(Map.of("contaminated_too_many_pieces", 1L, "contaminated_too_little_left", 1L), counts.rejected());
    assertEquals(Set.of("doc-6", "doc-7"), ids(output("rejected")));
  }

  @Test
  void verbatimPerturbedTrailingAndShortItemsAreFoundInTheirDocuments() {
    Dataset<Row> matches = output("matches");
    assertEquals(Set.of("doc-1", "doc-2", "doc-3", "doc-4", "doc-6", "doc-7"), ids(matches));
    assertEquals(Set.of("qa"), benchmarksIn(matches, "doc-2"));
    assertEquals(Set.of("code"), benchmarksIn(matches, "doc-3"));
    assertEquals(Set.of("short"), benchmarksIn(matches, "doc-4"));
  }

  @Test
  void keptDocumentsLoseTheItemsAndKeepTheirOtherText() {
    Map<String, String> kept = texts(output("documents"));
    List<String> items = new ArrayList<>(qa);
    items.addAll(code);
    items.add(shortItem);
    for (String id : List.of("doc-1", "doc-2", "doc-3", "doc-4")) {
      String text = kept.get(id);
      for (String item : items) {
        assertFalse(sharesAnNGram(text, item), id + " still holds " + item);
      }
      String original = texts.get(Integer.parseInt(id.substring(4)));
      assertTrue(text.startsWith(original.substring(0, 200)), id + " lost its start");
      assertTrue(text.length() > original.length() / 2, id + " lost too much: " + text.length());
    }
    assertEquals(texts.get(0), kept.get("doc-0"));
  }

  @Test
  void aPhraseInMoreThanMaxDocumentsIsCommonNotContamination() {
    Dataset<Row> common = output("common_ngrams");
    assertTrue(common.count() > 0);
    assertTrue(common.filter("documents != 12").isEmpty(), "every common n-gram is the planted phrase's");
    for (int i = 10; i < 22; i++) {
      assertEquals(texts.get(i), texts(output("documents")).get("doc-" + i));
    }
  }

  @Test
  void theReportCountsItemsFoundPerBenchmark() throws IOException {
    JsonNode report = json.readTree(Path.of(out, "decontaminate", "report.json").toFile());
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    report.get("benchmarks").forEach(b -> byName.put(b.get("name").asText(), b));
    assertEquals(3, byName.get("qa").get("items").asInt());
    assertEquals(2, byName.get("qa").get("items_found").asInt());
    assertEquals(2, byName.get("code").get("items_found").asInt());
    assertEquals(1, byName.get("short").get("items_found").asInt());
    assertEquals(1, byName.get("short").get("items_too_short").asInt());
    assertEquals("doc-1", byName.get("qa").get("examples").get(0).get("doc_id").asText());
    assertEquals("https://example.org/doc-1", byName.get("qa").get("examples").get(0).get("url").asText());
    assertEquals(6, report.get("documents_affected").asInt());
    assertTrue(counts.notes().get(0).startsWith("qa: 2 of 3 items found in 3 documents (1 dropped)"),
        counts.notes().toString());
  }

  @Test
  void matchesAndCommonNGramsHaveTheirSchemas() {
    Schemas.require("test", output("matches"), Schemas.load("matches"));
    Schemas.require("test", output("common_ngrams"), Schemas.load("common_ngrams"));
  }

  @Test
  void dropDocumentModeDropsEveryDocumentWithAMatch() {
    String dropped = dir.resolve("dropped").toString();
    StageCounts drop = run(dropped, List.of("decontaminate.mode=drop-document")).marker().counts();
    assertEquals(Map.of(DecontaminateStage.CONTAMINATED, 6L), drop.rejected());
    assertEquals(ids(output("matches")), ids(spark.read().parquet(dropped + "/decontaminate/rejected")));
  }

  @Test
  void aMissingFieldStopsTheStageNamingFileAndLine() throws IOException {
    Path broken = dir.resolve("broken.jsonl");
    Files.writeString(broken, "{\"question\": \"" + qa.get(0) + "\", \"answer\": \"a\"}\n{\"question\": \"q\"}\n");
    Throwable e = assertThrows(StageFailedException.class, () -> run(dir.resolve("broken").toString(),
        List.of("decontaminate.benchmarks=[\"b=" + broken + ":fields=question+answer\"]"))).getCause();
    assertEquals(BenchmarkException.class, e.getClass());
    assertEquals("benchmark b: broken.jsonl line 2: no value for 'answer' (it has question)", e.getMessage());
  }

  @Test
  void aBenchmarkWithoutNGramsIsAnErrorNotANoOp() throws IOException {
    Path tiny = dir.resolve("tiny.txt");
    Files.writeString(tiny, "too short\nalso short\n");
    Throwable e = assertThrows(StageFailedException.class, () -> run(dir.resolve("tiny")
        .toString(), List.of("decontaminate.benchmarks=[\"tiny=" + tiny + "\"]"))).getCause();
    assertEquals(IllegalArgumentException.class, e.getClass());
    assertTrue(e.getMessage().startsWith("benchmark tiny: none of its 2 items has 8 tokens"), e.getMessage());
  }

  private org.corpuskit.jobs.pipeline.StageRun run(String output, List<String> sets) {
    List<String> all = new ArrayList<>(List.of("decontaminate.benchmarks=[\"qa=" + dir.resolve("qa.jsonl")
        + ":fields=question+answer\", \"code=" + dir.resolve("code") + ":humaneval\", \"short=" + dir.resolve("short.txt")
        + "\"]"));
    all.addAll(sets);
    return TestRuns.runOn(spark, new Pipeline(List.of(new DecontaminateStage()), Set.of(DecontaminateStage.READS)),
        TestRuns.config(List.of(), all.toArray(String[]::new)), output,
        Map.of(DecontaminateStage.READS, documents)).get(0);
  }

  private void writeBenchmarks() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (String item : qa) {
      lines.append(json.createObjectNode().put("question", item).put("answer", "It is the answer one.")).append('\n');
    }
    Files.writeString(dir.resolve("qa.jsonl"), lines);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < code.size(); i++) {
      rows.add(RowFactory.create("T/" + i, code.get(i), "return " + i));
    }
    spark.createDataFrame(rows, new StructType().add("task_id", DataTypes.StringType)
        .add("prompt", DataTypes.StringType).add("canonical_solution", DataTypes.StringType))
        .coalesce(1).write().parquet(dir.resolve("code").toString());
    Files.writeString(dir.resolve("short.txt"), shortItem + "\nfive words are too few\n");
  }

  private static String sentence(SyntheticText words, SplittableRandom random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(i == 0 ? "" : " ").append(words.word(random));
    }
    return out.append('?').toString();
  }

  /** Puts {@code item} as a paragraph of its own after the text's first paragraph. */
  private static String insert(String text, String item) {
    int at = text.indexOf("\n\n");
    return text.substring(0, at) + "\n\n" + item + text.substring(at);
  }

  /** Case, punctuation, white space and line breaks changed, the words kept. */
  private static String perturbed(String item) {
    String[] words = item.replace("?", "").split(" ");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String word = i % 3 == 0 ? words[i].toUpperCase() : words[i];
      out.append(i == 0 ? "" : i % 7 == 0 ? ",\n" : i % 5 == 0 ? " -  " : " ").append(word);
    }
    return "\"" + out + "!\"";
  }

  private static boolean sharesAnNGram(String text, String item) {
    Tokens tokens = new Tokens();
    Set<Long> grams = new HashSet<>();
    NGramIndex.gramsOf(tokens.of(item), 13, 8, (from, length, fingerprint) -> grams.add(fingerprint));
    int length = Math.min(13, tokens.count());
    tokens.of(text);
    for (int i = 0; i + length <= tokens.count(); i++) {
      if (grams.contains(tokens.fingerprint(i, length))) {
        return true;
      }
    }
    return false;
  }

  private static List<Row> documentRows(List<String> texts) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create("doc-" + i, "https://example.org/doc-" + i, "example.org", "example.org",
          "CC-TEST", null, "test.warc.gz", (long) i, "text/html", "utf-8", 0, 200, "en", "Doc " + i, texts.get(i),
          "test-source", "test", false));
    }
    return rows;
  }

  private Dataset<Row> output(String dataset) {
    return spark.read().parquet(out + "/decontaminate/" + dataset);
  }

  private static Set<String> ids(Dataset<Row> rows) {
    return new HashSet<>(rows.select("doc_id").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  private static Set<String> benchmarksIn(Dataset<Row> matches, String docId) {
    return new HashSet<>(matches.filter(matches.col("doc_id").equalTo(docId)).select("benchmark").distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  private static Map<String, String> texts(Dataset<Row> docs) {
    Map<String, String> out = new java.util.HashMap<>();
    docs.select("doc_id", "text").collectAsList().forEach(r -> out.put(r.getString(0), r.getString(1)));
    return out;
  }
}

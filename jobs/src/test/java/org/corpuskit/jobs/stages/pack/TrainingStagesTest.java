package org.corpuskit.jobs.stages.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.jobs.TestRuns;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageRun;
import org.corpuskit.jobs.stages.mix.MixStage;
import org.corpuskit.jobs.stages.tokenize.TokenizeStage;
import org.corpuskit.sample.SyntheticText;
import org.corpuskit.tokenize.Tokenizer;
import org.corpuskit.tokenize.Tokenizers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokenize, mix and pack on documents of made-up prose from three hosts, one of them relabelled by a rule,
 * and a clean JSON-lines set with a malformed line and an empty text: every document accounted for, the
 * mixture realised, every token in the shards, the shards verified, and the same shards from the same
 * documents partitioned another way.
 */
@ExtendWith(LocalSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingStagesTest {
  private static final int WEB = 240;
  private static final int SET = 30;
  private static final String[] HOSTS = {"news.example", "blog.example", "shop.example"};

  @TempDir
  static Path dir;

  private final ObjectMapper json = new ObjectMapper();
  private SparkSession spark;
  private List<String> texts;
  private String out;
  private Map<String, StageCounts> counts;
  private PipelineConfig config;

  @BeforeAll
  void packDocuments(SparkSession spark) throws IOException {
    this.spark = spark;
    SyntheticText prose = new SyntheticText(11);
    texts = new ArrayList<>();
    for (int i = 0; i < WEB; i++) {
      texts.add(prose.document(i, 400 + (i * 37) % 3000));
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < SET; i++) {
      lines.add(json.writeValueAsString(Map.of("id", "wiki-" + i, "body", prose.document(1000 + i, 1500))));
    }
    lines.add("{\"id\": \"wiki-empty\", \"body\": \"\"}");
    lines.add("{this line is not JSON");
    Path set = dir.resolve("wiki.jsonl");
    Files.write(set, lines);
    config = TestRuns.config(List.of(),
        "sources.rules={news: \"host = 'news.example'\"}",
        "sources.sets={wiki: \"" + set.toUri() + ":text=body,id=id\"}",
        "mix.temperature=2.0", "mix.seed=7", "pack.seq_len=128", "pack.shard_tokens=40000", "pack.seed=3");
    out = dir.resolve("out").toString();
    counts = run(documents("documents", 3), out);
  }

  private String documents(String name, int partitions) {
    String path = dir.resolve(name).toString();
    spark.createDataFrame(documentRows(texts), Schemas.DOCUMENTS).repartition(partitions).write().parquet(path);
    return path;
  }

  private Map<String, StageCounts> run(String documents, String workDir) {
    Pipeline pipeline = new Pipeline(List.of(new TokenizeStage(), new MixStage(), new PackStage()),
        java.util.Set.of(TokenizeStage.READS));
    Map<String, StageCounts> byStage = new HashMap<>();
    for (StageRun run : TestRuns.runOn(spark, pipeline, config, workDir, Map.of(TokenizeStage.READS, documents))) {
      byStage.put(run.stage(), run.marker().counts());
    }
    return byStage;
  }

  @Test
  void everyDocumentIsTokenizedRejectedOrFailedWithAReason() {
    StageCounts tokenize = counts.get("tokenize");
    assertTrue(tokenize.addsUp(), tokenize.toString());
    assertEquals(WEB + SET + 2, tokenize.in());
    assertEquals(WEB + SET, tokenize.out());
    assertEquals(Map.of("empty_text", 1L), tokenize.rejected());
    assertEquals(Map.of("malformed_record", 1L), tokenize.failed());
  }

  @Test
  void rulesAndSetsLabelTheSources() {
    Map<String, Long> bySource = new HashMap<>();
    read("tokenize/documents").groupBy("source").count().collectAsList()
        .forEach(r -> bySource.put(r.getString(0), r.getLong(1)));
    assertEquals(Map.of("news", (long) WEB / 3, "test-source", 2L * WEB / 3, "wiki", (long) SET), bySource);
    assertEquals(1, read("tokenize/documents").filter("doc_id = 'wiki-3' and source = 'wiki'").count());
  }

  @Test
  void theTokensAreTheTokenizersOwn() {
    Tokenizer cl100k = Tokenizers.open("cl100k_base");
    Row doc = read("tokenize/documents").filter("doc_id = 'doc-17'").first();
    assertArrayEquals(cl100k.encode(texts.get(17)), ints(doc.getList(doc.fieldIndex("tokens"))));
  }

  @Test
  void theRealisedSharesFollowTheTargetsAndSmallSourcesAreRepeated() throws IOException {
    JsonNode report = json.readTree(dir.resolve("out/mix/report.json").toFile());
    for (JsonNode source : report.path("sources")) {
      assertEquals(source.path("target_share").asDouble(), source.path("realised_share").asDouble(), 0.06,
          source.toString());
    }
    JsonNode wiki = report.path("sources").get(2);
    assertEquals("wiki", wiki.path("source").asText());
    assertTrue(wiki.path("epochs").asDouble() > 1, "T = 2 raises the smallest source above its natural share");
    assertTrue(wiki.path("copies").asLong() > SET);
    assertTrue(counts.get("mix").addsUp());
  }

  @Test
  void everyTokenOfEveryCopyIsInTheShards() throws IOException {
    Row expected = read("mix/documents").selectExpr("sum(copies * (n_tokens + 1))", "sum(copies)").first();
    JsonNode manifest = manifest(out);
    assertEquals(expected.getLong(0), manifest.path("tokens").asLong());
    assertEquals(expected.getLong(1), manifest.path("documents").asLong());
    assertEquals(0, manifest.path("dropped_tokens").asLong());
    assertEquals(expected.getLong(1), counts.get("pack").out(), "every copy's EOS is counted in the shards");
    assertTrue(counts.get("pack").addsUp());
    long shards = manifest.path("shards").size();
    assertEquals((expected.getLong(0) + 39_999) / 40_000, shards, "shard_tokens decides the shard count");
    try (Stream<Path> files = Files.list(dir.resolve("out/pack/shards"))) {
      assertEquals(shards, files.filter(f -> f.getFileName().toString().matches("shard-\\d{5}-of-\\d{5}\\.parquet"))
          .count());
    }
    assertEquals(100257, manifest.path("tokenizer").path("eos").asInt(), "cl100k's <|endoftext|>");
  }

  @Test
  void verifyAcceptsTheShards() {
    Verify.Result result = Verify.verify(spark, out, 2);
    assertEquals(List.of(), result.problems());
    assertEquals(3, result.lines().size(), result.lines().toString());
  }

  @Test
  void verifyFindsAMissingShardAndATamperedManifest() throws IOException {
    Path copy = dir.resolve("tampered");
    copyTree(dir.resolve("out/pack"), copy);
    String second = manifest(out).path("shards").get(1).path("file").asText();
    Files.delete(copy.resolve(second));
    Files.deleteIfExists(copy.resolve(second.replace("shards/", "shards/.") + ".crc"));
    Path manifest = copy.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"seq_len\" : 128", "\"seq_len\" : 129"));
    Files.delete(copy.resolve(".manifest.json.crc"));
    List<String> problems = Verify.verify(spark, copy.toString(), 0).problems();
    assertTrue(problems.contains(second + ": listed in the manifest but missing"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("has 128 tokens, not seq_len 129")), problems.toString());
  }

  @Test
  void theShardsAreTheSameHoweverTheDocumentsArePartitioned() throws IOException {
    String other = dir.resolve("out-one-partition").toString();
    run(documents("documents-one-partition", 1), other);
    JsonNode a = manifest(out).path("shards");
    JsonNode b = manifest(other).path("shards");
    assertEquals(a, b);
    assertFalse(a.isEmpty());
  }

  private JsonNode manifest(String workDir) throws IOException {
    return json.readTree(Path.of(workDir, "pack", "manifest.json").toFile());
  }

  private Dataset<Row> read(String dataset) {
    return spark.read().parquet(out + "/" + dataset);
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static List<Row> documentRows(List<String> texts) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String host = HOSTS[i % HOSTS.length];
      rows.add(RowFactory.create("doc-" + i, "https://" + host + "/doc-" + i, host, host, "CC-TEST", null,
          "test.warc.gz", (long) i, "text/html", "utf-8", 0, 200, "en", "Doc " + i, texts.get(i), "test-source",
          "test", false));
    }
    return rows;
  }
}

package org.corpuskit.jobs.stages.decontaminate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.corpuskit.decontaminate.NGramIndex;
import org.corpuskit.jobs.config.DecontaminateConfig;

/**
 * What decontamination found, per benchmark: its items, how many were found, in how many documents, how many
 * characters those lost, and example matches with their URLs. Written as {@code report.json}; its figures are
 * the run summary's notes. Not thread-safe.
 */
final class Report {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final DecontaminateConfig config;
  private final Map<String, ObjectNode> benchmarks = new LinkedHashMap<>();
  private final ObjectNode root = JSON.createObjectNode();

  Report(DecontaminateConfig config) {
    this.config = config;
    root.put("mode", config.mode()).put("ngram", config.ngram()).put("min_tokens", config.minTokens())
        .put("max_documents", config.maxDocuments());
  }

  /**
   * A benchmark as read: its files, items (records; an item's variants, such as answer aliases, count once),
   * items under {@code ngram} tokens matched whole, items under {@code min_tokens} left out, and n-grams.
   */
  void loaded(BenchmarkFiles.Loaded benchmark, long items, long matchedWhole, long tooShort, long grams) {
    ObjectNode node = JSON.createObjectNode().put("name", benchmark.spec().name())
        .put("spec", benchmark.spec().toString());
    benchmark.files().forEach(node.putArray("files")::add);
    node.put("items", items).put("item_texts", benchmark.items().size())
        .put("items_under_ngram_matched_whole", matchedWhole).put("items_too_short", tooShort)
        .put("ngrams", grams);
    benchmarks.put(benchmark.spec().name(), node);
  }

  /**
   * What was found: the matches, each affected document's outcome (doc_id, reason, benchmarks, chars_removed),
   * the number of common n-grams set aside, and the index the scan used.
   */
  void found(Dataset<Row> matches, Dataset<Row> affected, long commonNGrams, NGramIndex index) {
    Map<String, Row> found = new LinkedHashMap<>();
    matches.groupBy("benchmark").agg(count_distinct(col("item_id")), count_distinct(col("doc_id")))
        .collectAsList().forEach(r -> found.put(r.getString(0), r));
    Map<String, Row> outcomes = new LinkedHashMap<>();
    affected.select(explode(col("benchmarks")).as("benchmark"), col("reason"), col("chars_removed"))
        .groupBy("benchmark").agg(expr("count_if(reason is not null)"), expr("sum(chars_removed)"))
        .collectAsList().forEach(r -> outcomes.put(r.getString(0), r));
    Map<String, List<Row>> examples = new LinkedHashMap<>();
    if (config.examples() > 0) {
      matches.groupBy("benchmark", "doc_id", "url")
          .agg(min_by(struct(col("item_id"), col("ngram")), struct(col("start"), col("item_id"))).as("first"))
          .withColumn("n", row_number().over(Window.partitionBy("benchmark").orderBy("doc_id")))
          .filter(col("n").leq(config.examples())).orderBy("benchmark", "doc_id").collectAsList()
          .forEach(r -> examples.computeIfAbsent(r.getString(0), b -> new ArrayList<>()).add(r));
    }
    for (ObjectNode node : benchmarks.values()) {
      String name = node.get("name").asText();
      Row counts = found.get(name);
      Row outcome = outcomes.get(name);
      node.put("items_found", counts == null ? 0 : counts.getLong(1))
          .put("documents_affected", counts == null ? 0 : counts.getLong(2))
          .put("documents_dropped", outcome == null ? 0 : outcome.getLong(1))
          .put("characters_removed", outcome == null ? 0 : outcome.getLong(2));
      ArrayNode list = node.putArray("examples");
      examples.getOrDefault(name, List.of()).forEach(r -> list.addObject().put("doc_id", r.getString(1))
          .put("url", r.getString(2)).put("item_id", r.getStruct(3).getString(0))
          .put("ngram", r.getStruct(3).getString(1)));
    }
    Row totals = affected.selectExpr("count(*)", "count_if(reason is not null)", "coalesce(sum(chars_removed), 0)")
        .first();
    root.put("documents_affected", totals.getLong(0)).put("documents_dropped", totals.getLong(1))
        .put("characters_removed", totals.getLong(2)).put("common_ngrams", commonNGrams);
    root.putObject("index").put("kind", index.kind()).put("ngrams", index.count()).put("bytes", index.bytes())
        .put("false_positive_rate", index.falsePositiveRate());
  }

  String json() {
    ArrayNode list = root.putArray("benchmarks");
    benchmarks.values().forEach(list::add);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report", e);
    }
  }

  /** One line per benchmark for the run summary, then the index. */
  List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (benchmarks.isEmpty()) {
      return List.of("no benchmarks given, so nothing was decontaminated: name them with --benchmark or "
          + "decontaminate.benchmarks");
    }
    for (ObjectNode b : benchmarks.values()) {
      notes.add(String.format("%s: %,d of %,d items found in %,d documents (%,d dropped), %,d characters "
          + "removed; %,d items under %d tokens matched whole, %,d under %d left out", b.get("name").asText(),
          b.path("items_found").asLong(), b.get("items").asLong(), b.path("documents_affected").asLong(),
          b.path("documents_dropped").asLong(), b.path("characters_removed").asLong(),
          b.path("items_under_ngram_matched_whole").asLong(), config.ngram(), b.path("items_too_short").asLong(),
          config.minTokens()));
    }
    JsonNode index = root.path("index");
    notes.add(String.format("index: %,d n-grams as a %s (%.1f MB); %,d common n-grams ignored",
        index.path("ngrams").asLong(), index.path("kind").asText(), index.path("bytes").asLong() / 1e6,
        root.path("common_ngrams").asLong()));
    return notes;
  }
}

package org.corpuskit.jobs.stages.mix;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corpuskit.mix.Mixture;

/**
 * What the mixture planned and what the sampling realised, per source: documents and tokens available, the
 * natural share, the target share and epochs, and the tokens and share of the documents written with their
 * copies. Written as {@code report.json} and shown as a table in the run summary. Immutable.
 */
final class MixReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One source's line. */
  record Line(String source, long documents, long available, double naturalShare, double targetShare,
      double targetTokens, double epochs, String bound, long documentsKept, long copies, long realisedTokens,
      double realisedShare) {}

  private final double temperature;
  private final long target;
  private final long seed;
  private final List<Line> lines;

  private MixReport(double temperature, long target, long seed, List<Line> lines) {
    this.temperature = temperature;
    this.target = target;
    this.seed = seed;
    this.lines = lines;
  }

  /** The report of a stage that had no documents to mix. */
  static MixReport empty(double temperature, long seed) {
    return new MixReport(temperature, 0, seed, List.of());
  }

  /** The report of {@code mixture}, realised by the {@code written} documents with their copies. */
  static MixReport of(Mixture mixture, Map<String, long[]> available, Dataset<Row> written, long seed) {
    Map<String, long[]> realised = new HashMap<>();
    written.groupBy("source").agg(org.apache.spark.sql.functions.count(col("doc_id")),
            sum(col("copies").cast("long")), sum(col("copies").cast("long").multiply(col("n_tokens"))))
        .collectAsList()
        .forEach(r -> realised.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3)}));
    long total = realised.values().stream().mapToLong(r -> r[2]).sum();
    List<Line> lines = new ArrayList<>();
    for (Mixture.Share share : mixture.shares()) {
      long[] r = realised.getOrDefault(share.name(), new long[3]);
      lines.add(new Line(share.name(), available.get(share.name())[0], share.available(), share.naturalShare(),
          share.targetShare(), share.targetTokens(), share.epochs(), share.bound(), r[0], r[1], r[2],
          total == 0 ? 0 : r[2] / (double) total));
    }
    return new MixReport(mixture.temperature(), mixture.target(), seed, List.copyOf(lines));
  }

  List<Line> sources() {
    return lines;
  }

  /** The largest difference between a source's target and realised share, in percentage points. */
  double largestGapPoints() {
    return lines.stream().mapToDouble(l -> Math.abs(l.realisedShare() - l.targetShare()) * 100).max().orElse(0);
  }

  String json() {
    ObjectNode root = JSON.createObjectNode().put("temperature", temperature)
        .put("target_tokens", target).put("seed", seed)
        .put("realised_tokens", lines.stream().mapToLong(Line::realisedTokens).sum())
        .put("largest_gap_points", largestGapPoints());
    ArrayNode sources = root.putArray("sources");
    for (Line line : lines) {
      sources.addObject().put("source", line.source()).put("documents", line.documents())
          .put("tokens_available", line.available()).put("natural_share", line.naturalShare())
          .put("target_share", line.targetShare()).put("target_tokens", Math.round(line.targetTokens()))
          .put("epochs", line.epochs()).put("bound", line.bound()).put("documents_kept", line.documentsKept())
          .put("copies", line.copies()).put("realised_tokens", line.realisedTokens())
          .put("realised_share", line.realisedShare());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The table the run summary shows. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    if (lines.isEmpty()) {
      return List.of("no documents to mix: every source is empty, so the training set is empty");
    }
    out.add(String.format("%-16s %14s %8s %8s %8s %7s", "source", "tokens", "natural", "target", "realised",
        "epochs"));
    for (Line line : lines) {
      out.add(String.format("%-16s %,14d %7.2f%% %7.2f%% %7.2f%% %7.2f%s", line.source(), line.available(),
          100 * line.naturalShare(), 100 * line.targetShare(), 100 * line.realisedShare(), line.epochs(),
          line.bound().isEmpty() ? "" : " (" + line.bound() + ")"));
    }
    out.add(String.format("temperature %s, target %,d tokens, realised %,d; largest gap %.2f percentage points",
        temperature, target, lines.stream().mapToLong(Line::realisedTokens).sum(),
        largestGapPoints()));
    return out;
  }
}

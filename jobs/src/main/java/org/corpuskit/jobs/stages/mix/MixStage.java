package org.corpuskit.jobs.stages.mix;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.corpuskit.jobs.config.MixConfig;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.pipeline.StageContext;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageSpec;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.mix.Mixture;
import org.corpuskit.mix.Sampling;

/**
 * Stage {@code mix}: tokenized documents to the documents of the training set, each with its number of
 * {@code copies}. The tokens of each source are counted, the {@link Mixture} decides how many times over each
 * source is taken, and {@link Sampling} decides each document's copies from its id, so the choice is the same
 * however the data is partitioned.
 *
 * <p>Writes {@code documents} ({@code mixed.json}: documents with at least one copy), {@code rejected}
 * ({@code sampled_out.json}: down-sampled documents) and {@code report.json}: per source, tokens available,
 * natural, target and realised shares, and epochs, which the run summary shows as a table.
 */
public final class MixStage implements Stage {
  public static final String NAME = "mix";
  /** The dataset it reads. */
  public static final String READS = "tokenize/documents";
  static final StageSpec SPEC = new StageSpec(NAME, "tokenized documents to the documents of the training set "
      + "with their copies, weighted by source", List.of(new StageSpec.Input(READS, Schemas.load("tokenized"))),
      List.of("documents", "rejected"), config -> List.of(config.mix()), "mix-1");

  @Override
  public StageSpec spec() {
    return SPEC;
  }

  @Override
  public StageCounts run(StageContext context) {
    MixConfig config = context.config().mix();
    Dataset<Row> documents = context.read(READS);
    // Per source: documents, tokens and characters; the stage's own in-counts are their sums.
    Map<String, long[]> available = new HashMap<>();
    documents.groupBy("source").agg(org.apache.spark.sql.functions.count(lit(1)),
            org.apache.spark.sql.functions.sum(col("n_tokens").cast("long")),
            org.apache.spark.sql.functions.sum(col("chars").cast("long")))
        .collectAsList().forEach(r -> available.put(r.getString(0),
            new long[] {r.getLong(1), r.getLong(2), r.getLong(3)}));
    // With no documents at all there is nothing to weigh: the stage writes empty datasets, as every stage does.
    Mixture mixture = available.isEmpty() ? null : mixture(config, available);
    Map<String, Double> epochs = new HashMap<>();
    if (mixture != null) {
      mixture.shares().forEach(share -> epochs.put(share.name(), share.epochs()));
    }
    long seed = config.seed();
    UserDefinedFunction copies = udf((UDF2<String, String, Integer>) (id, source) ->
        Sampling.copies(id, epochs.get(source), seed), DataTypes.IntegerType);
    Dataset<Row> drawn = documents.withColumn("copies", copies.apply(col("doc_id"), col("source")));
    context.write(drawn.filter(col("copies").gt(0)), "documents");
    context.write(drawn.filter(col("copies").equalTo(0))
        .select(col("doc_id"), col("source"), col("n_tokens"), lit("down_sampled").as("reason")), "rejected");
    MixReport report = mixture == null ? MixReport.empty(config.temperature(), config.seed())
        : MixReport.of(mixture, available, context.written("documents"), config.seed());
    context.writeFile("report.json", report.json());
    long in = available.values().stream().mapToLong(a -> a[0]).sum();
    long charsIn = available.values().stream().mapToLong(a -> a[2]).sum();
    Row out = context.written("documents").selectExpr("count(*)", "coalesce(sum(chars), 0)").first();
    long sampledOut = context.written("rejected").count();
    return new StageCounts(in, out.getLong(0), sampledOut == 0 ? Map.of() : Map.of("down_sampled",
        sampledOut), Map.of(), charsIn, out.getLong(1), report.lines());
  }

  /** The mixture of the sources found, with the configured bounds; a bound on an unknown source is an error. */
  static Mixture mixture(MixConfig config, Map<String, long[]> available) {
    Set<String> named = new TreeSet<>(config.epochs().keySet());
    named.addAll(config.minShare().keySet());
    named.addAll(config.maxShare().keySet());
    named.removeAll(available.keySet());
    if (!named.isEmpty()) {
      throw new UsageException("mix: bounds are set for " + named + ", which no document has as its source; the "
          + "sources are " + new TreeSet<>(available.keySet()));
    }
    List<Mixture.Source> sources = new ArrayList<>();
    long total = 0;
    for (String name : new TreeSet<>(available.keySet())) {
      long tokens = available.get(name)[1];
      total += tokens;
      try {
        sources.add(new Mixture.Source(name, tokens, config.epochsOf(name), config.minShare().getOrDefault(name, 0.0),
            config.maxShare().getOrDefault(name, 1.0)));
      } catch (IllegalArgumentException e) {
        throw new UsageException("mix: " + e.getMessage());
      }
    }
    try {
      return Mixture.of(sources, config.targetTokens() == 0 ? total : config.targetTokens(), config.temperature());
    } catch (IllegalArgumentException e) {
      throw new UsageException("mix: " + e.getMessage());
    }
  }
}

package org.corpuskit.jobs.stages.tokenize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.config.SourcesConfig;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.PerTask;
import org.corpuskit.jobs.pipeline.Preflight;
import org.corpuskit.jobs.pipeline.RowBuilder;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.pipeline.StageContext;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageSpec;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.jobs.stages.pack.SpecialIds;
import org.corpuskit.tokenize.Tokenizer;
import org.corpuskit.tokenize.Tokenizers;

/**
 * Stage {@code tokenize}: the web documents, labelled with their source by {@code sources.rules}, and every
 * clean document set of {@code sources.sets}, to token ids. The tokenizer is opened once per task.
 *
 * <p>Writes {@code documents} ({@code tokenized.json}), {@code rejected} (no text, or an empty one) and
 * {@code failed} (the tokenizer threw, or a JSON line of a set did not parse), both {@code untokenized.json}.
 */
public final class TokenizeStage implements Stage {
  public static final String NAME = "tokenize";
  /** The dataset it reads. */
  public static final String READS = "decontaminate/documents";
  static final StageSpec SPEC = new StageSpec(NAME, "every document of every source (the crawl and the clean "
      + "document sets) to token ids", List.of(new StageSpec.Input(READS, Schemas.DOCUMENTS)),
      List.of("documents", "rejected", "failed"), config -> List.of(config.sources(), config.tokenize()),
      "tokenize-1");

  static final StructType TOKENIZED = Schemas.load("tokenized");
  static final StructType UNTOKENIZED = Schemas.load("untokenized");
  private static final StructType OUTCOMES = TOKENIZED.add("reason", "string").add("message", "string");

  private static final int[] NO_TOKENS = new int[0];

  private final boolean crawl;

  /** The stage of {@code corpus run}: the crawl's documents and the clean document sets. */
  public TokenizeStage() {
    this(true);
  }

  /** With {@code crawl} false, the clean document sets alone: {@code corpus tokenize --documents ...}. */
  public TokenizeStage(boolean crawl) {
    this.crawl = crawl;
  }

  @Override
  public StageSpec spec() {
    return crawl ? SPEC : SPEC.reading(List.of());
  }

  @Override
  public List<String> outsideFiles(PipelineConfig config) {
    List<String> files = new ArrayList<>();
    config.sources().documentSets().forEach(set -> files.add(set.path()));
    Path tokenizerFile = Tokenizers.file(config.tokenize().tokenizer());
    if (tokenizerFile != null) {
      files.add(tokenizerFile.toString());
    }
    return files;
  }

  @Override
  public List<String> preflight(PipelineConfig config) {
    Preflight checks = new Preflight()
        .check("tokenize.tokenizer", () -> SpecialIds.open(config.tokenize().tokenizer()).close());
    Configuration conf = Preflight.localConf();
    List<SourcesConfig.DocumentSet> sets = new ArrayList<>();
    checks.check("sources.sets", () -> sets.addAll(config.sources().documentSets()));
    for (SourcesConfig.DocumentSet set : sets) {
      checks.checkLocal(set.path(), "sources.sets." + set.name(), () -> DocumentSets.checkNotEmpty(set, conf));
    }
    if (!crawl) {
      checks.check("tokenize", () -> {
        if (config.sources().sets().isEmpty()) {
          throw new UsageException("nothing to tokenize: give --input (documents) or --documents (clean document "
              + "sets), or both");
        }
      });
    }
    return checks.problems();
  }

  @Override
  public StageCounts run(StageContext context) {
    Dataset<Row> documents = crawl ? context.read(READS)
        : context.spark().createDataFrame(List.of(), Schemas.DOCUMENTS);
    SourcesConfig sources = context.config().sources();
    Dataset<Row> all = labelled(documents, sources.rules())
        .select(col("doc_id"), col("source"), col("url"), col("text"), lit(false).as("malformed"));
    for (SourcesConfig.DocumentSet set : sources.documentSets()) {
      all = all.unionByName(DocumentSets.read(context.spark(), set));
    }
    String spec = context.config().tokenize().tokenizer();
    Dataset<Row> outcomes = PerTask.map(all, OUTCOMES, () -> Tokenizers.open(spec), TokenizeStage::encode)
        .persist(StorageLevel.MEMORY_AND_DISK());
    StageCounts counts;
    try {
      Row read = outcomes.selectExpr("count(*)", "coalesce(sum(chars), 0)").first();
      context.write(outcomes.filter(col("reason").isNull()).select(fields(TOKENIZED)), "documents");
      context.write(outcomes.filter(col("reason").isin("no_text", "empty_text")).select(fields(UNTOKENIZED)),
          "rejected");
      context.write(outcomes.filter(col("reason").isin("encode_failed", "malformed_record"))
          .select(fields(UNTOKENIZED)), "failed");
      counts = counts(context, read.getLong(0), read.getLong(1));
    } finally {
      outcomes.unpersist();
    }
    return counts;
  }

  /** Each web document's source: the first rule it matches, else the one it has. */
  static Dataset<Row> labelled(Dataset<Row> documents, Map<String, String> rules) {
    if (rules.isEmpty()) {
      return documents;
    }
    try {
      Column source = null;
      for (Map.Entry<String, String> rule : rules.entrySet()) {
        Column predicate = expr(rule.getValue());
        source = source == null ? when(predicate, lit(rule.getKey())) : source.when(predicate, lit(rule.getKey()));
      }
      return documents.withColumn("source", source.otherwise(col("source")));
    } catch (Exception e) {
      // Spark throws its AnalysisException, checked in Java's eyes, without declaring it.
      if (!(e instanceof AnalysisException)) {
        throw e;
      }
      throw new UsageException("sources.rules " + rules + ": " + e.getMessage() + "; the documents' columns are "
          + String.join(", ", documents.schema().fieldNames()));
    }
  }

  private static Row encode(Tokenizer tokenizer, Row row) {
    RowBuilder out = new RowBuilder(OUTCOMES).set("doc_id", row.getAs("doc_id"))
        .set("source", row.getAs("source")).set("url", row.getAs("url")).set("tokens", NO_TOKENS);
    String text = row.getAs("text");
    if (row.<Boolean>getAs("malformed")) {
      return out.set("chars", 0).set("n_tokens", 0).set("reason", "malformed_record")
          .set("message", "a line of the set that is not a JSON object").build();
    }
    if (text == null) {
      return out.set("chars", 0).set("n_tokens", 0).set("reason", "no_text").set("message", "").build();
    }
    if (text.isEmpty()) {
      return out.set("chars", 0).set("n_tokens", 0).set("reason", "empty_text").set("message", "").build();
    }
    // Code points, as Spark's length() counts them in every other stage's funnel figures.
    out.set("chars", text.codePointCount(0, text.length()));
    try {
      int[] ids = tokenizer.encode(text);
      return out.set("n_tokens", ids.length).set("tokens", ids).build();
    } catch (RuntimeException e) {
      return out.set("n_tokens", 0).set("reason", "encode_failed").set("message", String.valueOf(e)).build();
    }
  }

  private static Column[] fields(StructType schema) {
    return java.util.Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
  }

  /** Counts of what was written, against the {@code in} rows and {@code charsIn} characters read. */
  private static StageCounts counts(StageContext context, long in, long charsIn) {
    Row written = context.written("documents").selectExpr("count(*)", "coalesce(sum(chars), 0)",
        "coalesce(sum(cast(n_tokens as long)), 0)").first();
    Map<String, Long> rejected = reasons(context.written("rejected"));
    Map<String, Long> failed = reasons(context.written("failed"));
    List<String> notes = new ArrayList<>();
    long chars = written.getLong(1);
    long tokens = written.getLong(2);
    notes.add(String.format("%,d tokens from %,d characters (%.2f characters per token), tokenizer %s", tokens,
        chars, tokens == 0 ? 0.0 : chars / (double) tokens, context.config().tokenize().tokenizer()));
    return new StageCounts(in, written.getLong(0), rejected, failed, charsIn, chars, notes);
  }

  private static Map<String, Long> reasons(Dataset<Row> data) {
    Map<String, Long> reasons = new TreeMap<>();
    data.groupBy("reason").count().collectAsList().forEach(r -> reasons.put(r.getString(0), r.getLong(1)));
    return reasons;
  }
}

package org.corpuskit.jobs.stages.filter;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.corpuskit.filter.FilterChain;
import org.corpuskit.filter.SafetyLists;
import org.corpuskit.jobs.config.FilterConfig;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.PerTask;
import org.corpuskit.jobs.pipeline.Preflight;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.pipeline.StageContext;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageSpec;
import org.corpuskit.jobs.pipeline.UsageException;

/**
 * Stage {@code filter}: documents to documents with a {@code signals} column, and the rules that reject them.
 * Signals are computed once per document by the taggers of {@link org.corpuskit.filter.FilterChain} (built once
 * per task); C4's line removal edits the text kept. Each rule of {@code filter.rules} is a SQL predicate over
 * the signals; a document matching any is rejected, with {@code reason} the first in name order and
 * {@code failed_rules} all of them. A document on which a tagger threw is rejected as {@code tagger_failed}.
 *
 * <p>Writes {@code documents} (kept), {@code rejected} (partitioned by reason), {@code samples}: up to
 * {@code samples_per_rule} rejected documents per rule as JSON lines, chosen by a hash of doc_id, and
 * {@code rule_stats}: per rule, documents and characters it rejected first, and those it matched at all.
 */
public final class FilterStage implements Stage {
  public static final String NAME = "filter";
  static final String TAGGER_FAILED = "tagger_failed";
  /** The dataset it reads. */
  public static final String READS = "extract/documents";
  static final StageSpec SPEC = new StageSpec(NAME, "documents to documents with quality and safety signals, "
      + "and the rules that reject them", List.of(new StageSpec.Input(READS, Schemas.DOCUMENTS)),
      List.of("documents", "rejected", "samples", "rule_stats"), config -> List.of(config.filter()), "filter-1");

  @Override
  public StageSpec spec() {
    return SPEC;
  }

  @Override
  public List<String> preflight(PipelineConfig config) {
    FilterConfig filter = config.filter();
    Configuration conf = Preflight.localConf();
    Preflight checks = new Preflight()
        .checkLocal(filter.stopWords(), "filter.stop_words", () -> StopWords.load(filter.stopWords(), conf));
    boolean listsLocal = List.of(filter.urlBlocklists(), filter.urlWords(), filter.badWords()).stream()
        .allMatch(path -> path.isEmpty() || Preflight.isLocal(path));
    if (listsLocal) {
      checks.check("filter lists", () -> ListFiles.load(filter, conf));
    }
    filter.classifiers().forEach((name, classifier) -> checks.checkLocal(classifier.model(),
        "filter.classifiers." + name + ".model", () -> TextClassifier.checkModelFolder(classifier.model(),
            "filter.classifiers." + name + ".model", conf)));
    return checks.problems();
  }

  @Override
  public StageCounts run(StageContext context) {
    FilterConfig config = context.config().filter();
    Dataset<Row> documents = context.read(READS);
    Configuration conf = context.spark().sparkContext().hadoopConfiguration();
    StopWords stopWords = StopWords.load(config.stopWords(), conf);
    Broadcast<SafetyLists> lists = JavaSparkContext.fromSparkContext(context.spark().sparkContext())
        .broadcast(ListFiles.load(config, conf));
    FilterChain.Options options = new FilterChain.Options(config.pii().policy(), config.lang().codes());
    Dataset<Row> tagged = PerTask.map(documents, Tagging.TAGGED,
        () -> Tagging.chain(stopWords, lists.value(), options), Tagging::tag);
    tagged = classify(tagged, config);
    Column[] matches = ruleColumns(config);
    tagged = tagged
        .withColumn("failed_rules", filter(functions.array(matches), c -> c.isNotNull()))
        .withColumn("reason", try_element_at(col("failed_rules"), lit(1)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      context.write(tagged.filter(size(col("failed_rules")).equalTo(0)).drop("failed_rules", "reason",
          Tagging.TEXT_IN), "documents");
      // A rejected document keeps the text it came in with: C4's line rules may have emptied the edited one.
      Dataset<Row> rejected = tagged.filter(size(col("failed_rules")).gt(0))
          .withColumn("text", col(Tagging.TEXT_IN)).drop(Tagging.TEXT_IN);
      context.write(rejected, "rejected", "parquet", "reason");
      context.write(Samples.of(rejected, config.samplesPerRule()), "samples", "json", "reason");
    } finally {
      tagged.unpersist();
    }
    context.write(RuleStats.of(context.written("rejected")).coalesce(1), "rule_stats");
    return StageCounts.ofDocuments(documents, context.written("documents"), context.written("rejected"));
  }

  /**
   * Adds each classifier's score as {@code signals.<name>}, and with Pareto keeping on, the document's seeded
   * draw as {@code signals.<name>_draw}: {@code (1 - u)^(-1/alpha) - 1} for u uniform in [0, 1) from a hash of
   * doc_id and the seed, the Lomax form of numpy's {@code pareto(alpha)} that GPT-3 drew.
   */
  static Dataset<Row> classify(Dataset<Row> tagged, FilterConfig config) {
    for (Map.Entry<String, FilterConfig.ClassifierConfig> entry : new TreeMap<>(config.classifiers()).entrySet()) {
      String name = entry.getKey();
      FilterConfig.ClassifierConfig classifier = entry.getValue();
      PipelineModel model;
      try {
        model = PipelineModel.load(classifier.model());
      } catch (RuntimeException e) {
        throw new UsageException("filter.classifiers." + name + ".model " + classifier.model()
            + ": not a model written by corpus train-classifier (" + e.getMessage() + ")");
      }
      Dataset<Row> scored = TextClassifier.score(tagged, model, "classifier_score");
      Column signals = col("signals").withField(name, col("classifier_score"));
      if (classifier.paretoAlpha() > 0) {
        Column u = pmod(xxhash64(col("doc_id"), lit(classifier.seed())), lit(1L << 53)).cast("double")
            .divide(lit((double) (1L << 53)));
        signals = signals.withField(name + "_draw",
            functions.pow(lit(1.0).minus(u), lit(-1.0 / classifier.paretoAlpha())).minus(lit(1.0)));
      }
      tagged = scored.withColumn("signals", signals).drop("classifier_score");
    }
    return tagged;
  }

  /**
   * One column per rule: the rule's name when its predicate holds for the row, else null. A language's own
   * rule of the same name replaces the default for rows in that language; an empty predicate turns it off.
   * Rows where a tagger failed match {@code tagger_failed} and no other rule, since their signals may be partial.
   */
  static Column[] ruleColumns(FilterConfig config) {
    Map<String, Map<String, String>> byRule = new TreeMap<>();
    config.rules().forEach((name, sql) -> byRule.computeIfAbsent(name, n -> new HashMap<>()).put("", sql));
    config.classifiers().forEach((name, classifier) -> {
      if (classifier.paretoAlpha() > 0) {
        byRule.computeIfAbsent(name + "_pareto", n -> new HashMap<>())
            .putIfAbsent("", "signals." + name + "_draw <= 1 - signals." + name);
      }
    });
    config.languages().forEach((lang, rules) -> rules.rules().forEach((name, sql) ->
        byRule.computeIfAbsent(name, n -> new HashMap<>()).put(lang, sql)));
    Column failed = col("signals." + TAGGER_FAILED).notEqual(lit(""));
    List<Column> columns = new ArrayList<>();
    columns.add(functions.when(failed, lit(TAGGER_FAILED)));
    for (Map.Entry<String, Map<String, String>> rule : byRule.entrySet()) {
      Column predicate = predicate(rule.getValue().getOrDefault("", ""));
      for (Map.Entry<String, String> perLanguage : rule.getValue().entrySet()) {
        if (!perLanguage.getKey().isEmpty()) {
          predicate = functions.when(col("signals.lang").equalTo(perLanguage.getKey()),
              predicate(perLanguage.getValue())).otherwise(predicate);
        }
      }
      columns.add(functions.when(failed.unary_$bang().and(functions.coalesce(predicate, lit(false))),
          lit(rule.getKey())));
    }
    return columns.toArray(Column[]::new);
  }

  private static Column predicate(String sql) {
    return sql.isBlank() ? lit(false) : expr(sql);
  }

}

package org.corpuskit.jobs.stages.filter;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corpuskit.jobs.pipeline.UsageException;

/**
 * A document classifier as GPT-3 built its quality filter (Brown et al. 2020, appendix A): lower-cased word
 * tokens, which words and bigrams occur (hashed, present or not, so long documents do not outweigh short
 * ones), and a logistic regression, all Spark MLlib, saved as
 * one {@link PipelineModel}. The same trainer makes a toxicity or adult classifier from other examples.
 * Tokens are runs of letters, digits and apostrophes (Unicode classes), so any script with spaces is split;
 * Chinese and Japanese runs become long tokens, which hash as well but generalise less.
 */
public final class TextClassifier {
  static final String TEXT = "text";
  static final String LABEL = "label";
  private static final String PROBABILITY = "classifier_probability";

  /** Training settings, checked on construction. */
  public record Options(int numFeatures, double regularization, int maxIterations, double holdout, long seed) {
    public Options {
      if (numFeatures < 16 || Integer.bitCount(numFeatures) != 1) {
        throw new IllegalArgumentException("--features must be a power of two of at least 16, got " + numFeatures);
      }
      if (!(regularization >= 0)) {
        throw new IllegalArgumentException("--regularization must not be negative, got " + regularization);
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException("--iterations must be at least 1, got " + maxIterations);
      }
      if (!(holdout >= 0 && holdout < 1)) {
        throw new IllegalArgumentException("--holdout must be in [0, 1), got " + holdout);
      }
    }
  }

  /** What the held-out documents say of the model; all 0 when nothing was held out. */
  public record Metrics(long trainDocuments, long heldOutDocuments, double accuracy, double precision,
      double recall, double areaUnderRoc) {}

  /** The model and its held-out metrics. */
  public record Trained(PipelineModel model, Metrics metrics) {}

  private TextClassifier() {}

  /**
   * Trains on {@code examples} (columns {@code text} and {@code label}, 1.0 positive, 0.0 negative), holding out
   * a share of them chosen by a seeded hash of their {@code id} when they have one (so that the pieces of one
   * page are held out together), else of their text: the split is the same on every run and cluster.
   */
  public static Trained train(Dataset<Row> examples, Options options) {
    boolean grouped = Arrays.asList(examples.columns()).contains("id");
    Column heldOut = heldOut(col(grouped ? "id" : TEXT), options);
    Dataset<Row> train = examples.filter(heldOut.unary_$bang());
    Dataset<Row> test = examples.filter(heldOut);
    PipelineModel model = pipeline(options).fit(train);
    long trainCount = train.count();
    Dataset<Row> scored = model.transform(test).cache();
    try {
      long n = scored.count();
      if (n == 0) {
        return new Trained(model, new Metrics(trainCount, 0, 0, 0, 0, 0));
      }
      Row counts = scored.selectExpr(
          "sum(cast(prediction = label as int))",
          "sum(cast(prediction = 1 and label = 1 as int))",
          "sum(cast(prediction = 1 as int))",
          "sum(cast(label = 1 as int))").first();
      double auc = new BinaryClassificationEvaluator().setLabelCol(LABEL).setRawPredictionCol("raw")
          .evaluate(scored);
      return new Trained(model, new Metrics(trainCount, n, ratio(counts.getLong(0), n),
          ratio(counts.getLong(1), counts.getLong(2)), ratio(counts.getLong(1), counts.getLong(3)), auc));
    } finally {
      scored.unpersist();
    }
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private static Pipeline pipeline(Options options) {
    RegexTokenizer tokenizer = new RegexTokenizer().setInputCol(TEXT).setOutputCol("classifier_words")
        .setPattern("[\\p{L}\\p{N}']+").setGaps(false).setToLowercase(true);
    NGram bigrams = new NGram().setN(2).setInputCol("classifier_words").setOutputCol("classifier_bigrams");
    HashingTF words = new HashingTF().setInputCol("classifier_words").setOutputCol("classifier_word_counts")
        .setNumFeatures(options.numFeatures()).setBinary(true);
    HashingTF pairs = new HashingTF().setInputCol("classifier_bigrams").setOutputCol("classifier_bigram_counts")
        .setNumFeatures(options.numFeatures()).setBinary(true);
    VectorAssembler features = new VectorAssembler()
        .setInputCols(new String[] {"classifier_word_counts", "classifier_bigram_counts"})
        .setOutputCol("classifier_features");
    LogisticRegression regression = new LogisticRegression().setFeaturesCol("classifier_features")
        .setLabelCol(LABEL).setRawPredictionCol("raw").setProbabilityCol(PROBABILITY)
        .setRegParam(options.regularization()).setMaxIter(options.maxIterations());
    return new Pipeline().setStages(new PipelineStage[] {tokenizer, bigrams, words, pairs, features, regression});
  }

  /**
   * Adds {@code name}: the model's probability that the row's {@code text} is of the positive class. The
   * model's working columns are dropped again.
   */
  /**
   * Fails with a usage error unless {@code folder} looks like a saved Spark ML pipeline (its {@code metadata}
   * and {@code stages} folders), the shape {@code corpus train-classifier} writes.
   */
  static void checkModelFolder(String folder, String key, Configuration conf) throws IOException {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(folder);
    FileSystem fs = root.getFileSystem(conf);
    if (!fs.exists(root)) {
      throw new UsageException(key + " " + folder + ": no such folder");
    }
    if (!fs.exists(new org.apache.hadoop.fs.Path(root, "metadata"))
        || !fs.exists(new org.apache.hadoop.fs.Path(root, "stages"))) {
      throw new UsageException(key + " " + folder + ": not a model written by corpus train-classifier (no "
          + "metadata and stages folders)");
    }
  }

  static Dataset<Row> score(Dataset<Row> rows, PipelineModel model, String name) {
    Dataset<Row> scored = model.transform(rows);
    return scored.withColumn(name, org.apache.spark.ml.functions.vector_to_array(col(PROBABILITY), "float64").getItem(1))
        .drop("classifier_words", "classifier_bigrams", "classifier_word_counts", "classifier_bigram_counts",
            "classifier_features", "raw", PROBABILITY, "prediction");
  }

  /** A seeded share of rows, by a hash of {@code key}. */
  private static Column heldOut(Column key, Options options) {
    return pmod(xxhash64(key, lit(options.seed())), lit(1_000_000L))
        .lt(lit(Math.round(options.holdout() * 1_000_000)));
  }

  /** The metrics as written to the model's metrics.json. */
  public static Map<String, Object> asMap(Metrics metrics) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("train_documents", metrics.trainDocuments());
    map.put("held_out_documents", metrics.heldOutDocuments());
    map.put("accuracy", metrics.accuracy());
    map.put("precision", metrics.precision());
    map.put("recall", metrics.recall());
    map.put("area_under_roc", metrics.areaUnderRoc());
    return map;
  }
}

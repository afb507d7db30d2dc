package org.corpuskit.tools;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corpuskit.dedup.ShingleSet;
import org.corpuskit.dedup.Shingles;
import org.corpuskit.eval.Mutations;
import org.corpuskit.jobs.config.DedupConfig;
import org.corpuskit.jobs.stages.dedup.Fuzzy;
import org.corpuskit.jobs.stages.dedup.Signatures;
import org.corpuskit.sample.SyntheticText;

/**
 * Generated documents for {@code corpus-tools measure dedup}, and Spark MLlib's {@code MinHashLSH} on the same
 * documents as the baseline. Document i is {@link SyntheticText} document i unless i is a planted near copy:
 * the last {@code copyShare} of the ids copy an original with 1% of its words replaced (Jaccard of word
 * 5-grams about 0.9), so recall is known; {@code planted_original} names the original.
 */
public final class DedupMeasure {
  private DedupMeasure() {}

  /** Holds the lexicon once per executor JVM. */
  private static final class Text {
    static final SyntheticText GENERATOR = new SyntheticText(7);
    static final Mutations MUTATIONS = new Mutations(8);
  }

  /** The original a planted copy copies, or -1 for an original. */
  static long originalOf(long id, long documents, double copyShare) {
    long originals = documents - Math.round(documents * copyShare);
    return id < originals ? -1 : (id * 0x9E3779B97F4A7C15L >>> 1) % originals;
  }

  /**
   * {@code documents} near copies of one document: the same text followed by a word of letters that numbers the
   * copy, so no two are exact duplicates and all fall in one bucket of every band.
   */
  public static Dataset<Row> copiesOfOne(SparkSession spark, long documents, int chars) {
    return withDocumentColumns(spark.range(documents).toDF("id")
        .withColumn("text", concat(lit(Text.GENERATOR.document(0, chars) + " "),
            expr("translate(conv(id, 10, 26), '0123456789', 'qrstuvwxyz')")))
        .withColumn("original", when(col("id").gt(0), lit(0L))));
  }

  /** Documents per site: the pages of a site share its header and footer. */
  static final int SITE_PAGES = 200;

  /**
   * {@code documents} documents with the documents schema, {@code chars} characters each, of which
   * {@code boilerplate} is the header and footer their site's {@value #SITE_PAGES} pages share, as web pages
   * share their template.
   */
  public static Dataset<Row> documents(SparkSession spark, long documents, int chars, double copyShare,
      double boilerplate) {
    Dataset<Row> ids = spark.range(documents).toDF("id")
        .withColumn("original", udf((UDF1<Long, Long>) id -> originalOf(id, documents, copyShare),
            DataTypes.LongType).apply(col("id")));
    Dataset<Row> texts = ids.withColumn("text", udf((UDF1<Row, String>) row -> {
      long original = row.getLong(1);
      String page = page(original < 0 ? row.getLong(0) : original, chars, boilerplate);
      return original < 0 ? page
          : Text.MUTATIONS.mutate(page, Mutations.Kind.REPLACE, 0.01, new SplittableRandom(row.getLong(0)));
    }, DataTypes.StringType).apply(struct(col("id"), col("original"))));
    return withDocumentColumns(texts);
  }

  /** Page {@code id}: its own text between its site's header and footer. */
  private static String page(long id, int chars, double boilerplate) {
    int template = (int) Math.round(chars * boilerplate / 2);
    String body = Text.GENERATOR.document(id, Math.max(1, chars - 2 * template));
    if (template == 0) {
      return body;
    }
    long site = id / SITE_PAGES;
    return Text.GENERATOR.document(-2 * site - 1, template) + "\n\n" + body + "\n\n"
        + Text.GENERATOR.document(-2 * site - 2, template);
  }

  /** Rows (id, text, original) as documents, planted_original naming the original's doc_id. */
  private static Dataset<Row> withDocumentColumns(Dataset<Row> texts) {
    List<Column> columns = new ArrayList<>(GeneratedDocuments.columns(lit("bench")));
    columns.add(when(col("original").geq(0), sha2(col("original").cast("string"), 256)).as("planted_original"));
    return texts.select(columns.toArray(Column[]::new));
  }

  /** What {@link #compare} measured: seconds, and recall of planted pairs at exact Jaccard of 0.85 or more. */
  public record Comparison(double oursSeconds, double oursRecall, double mllibSeconds, double mllibRecall,
      long mllibPairs, long plantedAbove) {}

  /**
   * Near-duplicate detection on the same documents, timed in the same session: ours (signatures, star buckets,
   * verification, connected components, the documents each cluster loses) against MLlib's MinHashLSH
   * self-join with {@code tables} hash tables at the same verification threshold, which gives pairs, not
   * clusters. Recall is of the planted pairs whose exact Jaccard is at least 0.85; ours counts a pair found
   * when its two documents end in one cluster, MLlib's when the join returns it.
   */
  public static Comparison compare(Dataset<Row> docs, DedupConfig config, int tables) {
    Dataset<Row> light = docs.select(col("doc_id"), struct(col("doc_id")).as("rank"), col("text"),
        lit("en").as("lang"));
    long start = System.nanoTime();
    Dataset<Row> keys = Signatures.of(light, config).persist(StorageLevel.MEMORY_AND_DISK());
    Fuzzy.Result fuzzy = Fuzzy.apply(keys, null, config);
    Dataset<Row> lost = fuzzy.rejected().persist(StorageLevel.MEMORY_AND_DISK());
    lost.count();
    double ours = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    Dataset<Row> found = mllib(docs, config, tables, config.verifyThreshold()).persist(StorageLevel.MEMORY_AND_DISK());
    long pairs = found.count();
    double mllib = (System.nanoTime() - start) / 1e9;
    Dataset<Row> planted = docs.filter(col("planted_original").isNotNull())
        .select(col("doc_id").as("x"), col("planted_original").as("y"))
        .join(keys.select(col("doc_id").as("x"), col("shingles").as("sx")), "x")
        .join(keys.select(col("doc_id").as("y"), col("shingles").as("sy")), "y")
        .filter(Fuzzy.JACCARD.apply(col("sx"), col("sy")).geq(0.85))
        .select(least(col("x"), col("y")).as("x"), greatest(col("x"), col("y")).as("y"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long above = planted.count();
    Dataset<Row> cluster = fuzzy.clusters(keys);
    long oursFound = planted.join(cluster.select(col("doc_id").as("x"), col("cluster").as("cx")), "x")
        .join(cluster.select(col("doc_id").as("y"), col("cluster").as("cy")), "y")
        .filter(col("cx").equalTo(col("cy"))).count();
    long mllibFound = planted.join(found, new String[] {"x", "y"}).count();
    for (Dataset<Row> cached : List.of(keys, lost, found, planted)) {
      cached.unpersist();
    }
    fuzzy.release();
    return new Comparison(ours, (double) oursFound / above, mllib, (double) mllibFound / above, pairs, above);
  }

  /**
   * Spark MLlib's MinHashLSH self-join on {@code docs}' shingle sets, at Jaccard distance below
   * {@code 1 - threshold}: rows {@code (x, y)} of doc_ids with x < y. MLlib hashes sparse vectors, so the shingle
   * hashes become indices of a 2^30-wide binary vector.
   */
  public static Dataset<Row> mllib(Dataset<Row> docs, DedupConfig config, int tables, double threshold) {
    StructType schema = new StructType().add("doc_id", "string").add("features", SQLDataTypes.VectorType());
    Dataset<Row> features = docs.select("doc_id", "text").map((MapFunction<Row, Row>) row -> {
      long[] hashes = new Shingles(config.unit(), config.shingleSize(), config.seed()).of(row.getString(1), "en");
      // Folded shingles cut to 30 bits, made sorted and distinct again by ShingleSet.of, which leaves values
      // below 2^32 as they are.
      int[] indices = ShingleSet.of(Arrays.stream(ShingleSet.of(hashes)).mapToLong(v -> v & ((1 << 30) - 1))
          .toArray());
      double[] ones = new double[indices.length];
      Arrays.fill(ones, 1.0);
      Vector vector = Vectors.sparse(1 << 30, indices, ones);
      return RowFactory.create(row.getString(0), vector);
    }, Encoders.row(schema)).filter((FilterFunction<Row>) row ->
        ((Vector) row.get(1)).numNonzeros() > 0);
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables).setSeed(config.seed())
        .setInputCol("features").setOutputCol("hashes").fit(features);
    // approxSimilarityJoin keeps pairs at distance below its threshold; J >= t is distance <= 1 - t.
    return model.approxSimilarityJoin(features, features, 1 - threshold + 1e-9, "distance")
        .select(col("datasetA.doc_id").as("x"), col("datasetB.doc_id").as("y"))
        .filter(col("x").lt(col("y")));
  }
}

package org.corpuskit.jobs.stages.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.dedup.ShingleSet;
import org.corpuskit.dedup.Shingles;
import org.corpuskit.eval.Mutations;
import org.corpuskit.jobs.config.DedupConfig;
import org.corpuskit.sample.SyntheticText;

/**
 * Generated documents for {@code corpus bench dedup}, and Spark MLlib's {@code MinHashLSH} on the same
 * documents as the baseline. Document i is {@link SyntheticText} document i unless i is a planted near copy:
 * the last {@code copyShare} of the ids copy an original with 1% of its words replaced (Jaccard of word
 * 5-grams about 0.9), so recall is known; {@code planted_original} names the original.
 */
public final class DedupBench {
  private DedupBench() {}

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

  /** {@code documents} documents with the documents schema, {@code chars} characters each. */
  public static Dataset<Row> documents(SparkSession spark, long documents, int chars, double copyShare) {
    Dataset<Row> ids = spark.range(documents).toDF("id")
        .withColumn("original", udf((UDF1<Long, Long>) id -> originalOf(id, documents, copyShare),
            DataTypes.LongType).apply(col("id")));
    Dataset<Row> texts = ids.withColumn("text", udf((UDF1<Row, String>) row -> {
      long original = row.getLong(1);
      if (original < 0) {
        return Text.GENERATOR.document(row.getLong(0), chars);
      }
      return Text.MUTATIONS.mutate(Text.GENERATOR.document(original, chars), Mutations.Kind.REPLACE, 0.01,
          new SplittableRandom(row.getLong(0)));
    }, DataTypes.StringType).apply(struct(col("id"), col("original"))));
    return texts.select(
        sha2(col("id").cast("string"), 256).as("doc_id"),
        concat(lit("https://bench.example/"), col("id")).as("url"),
        lit("bench.example").as("host"), lit("bench.example").as("registered_domain"),
        lit("CC-BENCH").as("crawl"), expr("timestamp'2024-05-22 08:00:00'").as("fetch_time"),
        lit("bench").as("warc_file"), col("id").as("warc_offset"), lit("text/html").as("content_type"),
        lit("UTF-8").as("charset"), lit(0).as("invalid_bytes"), lit(200).as("http_status"),
        lit("en").as("lang_declared"), lit("").as("title"), col("text"), lit("bench").as("source"),
        lit("bench").as("extractor"), lit(false).as("truncated"),
        when(col("original").geq(0), sha2(col("original").cast("string"), 256)).as("planted_original"));
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
      int[] set = ShingleSet.of(hashes);
      int[] indices = new int[set.length];
      for (int i = 0; i < set.length; i++) {
        indices[i] = set[i] & ((1 << 30) - 1);
      }
      Arrays.sort(indices);
      int distinct = 0;
      for (int i = 0; i < indices.length; i++) {
        if (i == 0 || indices[i] != indices[i - 1]) {
          indices[distinct++] = indices[i];
        }
      }
      double[] ones = new double[distinct];
      Arrays.fill(ones, 1.0);
      Vector vector = Vectors.sparse(1 << 30, Arrays.copyOf(indices, distinct), ones);
      return RowFactory.create(row.getString(0), vector);
    }, Encoders.row(schema)).filter((FilterFunction<Row>) row ->
        ((Vector) row.get(1)).numNonzeros() > 0);
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables).setSeed(config.seed())
        .setInputCol("features").setOutputCol("hashes").fit(features);
    return model.approxSimilarityJoin(features, features, 1 - threshold, "distance")
        .select(col("datasetA.doc_id").as("x"), col("datasetB.doc_id").as("y"))
        .filter(col("x").lt(col("y")));
  }
}

package org.corpuskit.tools;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.udf;

import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.corpuskit.sample.SyntheticText;

/**
 * Generated documents for {@code corpus-tools measure mix}: four sources of very different sizes (web 70%, forum 20%,
 * news 8%, books 2% of the documents) whose lengths are log-normal, as web pages' are (median about 1,300
 * characters, a long tail to 60,000), so that a realised share depends on which documents the draws take, not
 * only on how many.
 */
public final class MixMeasure {
  private MixMeasure() {}

  /** Holds the lexicon once per executor JVM. */
  private static final class Text {
    static final SyntheticText GENERATOR = new SyntheticText(13);
  }

  /** {@code n} documents with the documents schema, their source set by a hash of their id. */
  public static Dataset<Row> documents(SparkSession spark, long n) {
    return spark.range(n).toDF("id")
        .withColumn("text", udf((UDF1<Long, String>) id -> Text.GENERATOR.document(id, length(id)),
            DataTypes.StringType).apply(col("id")))
        .withColumn("bucket", expr("pmod(xxhash64(id, 99), 100)"))
        .select(GeneratedDocuments.columns(expr("case when bucket < 70 then 'web' when bucket < 90 then 'forum' "
            + "when bucket < 98 then 'news' else 'books' end")).toArray(Column[]::new));
  }

  /** Characters of document {@code id}: exp(N(7.2, 0.9)), between 200 and 60,000. */
  static int length(long id) {
    double gaussian = new SplittableRandom(id * 0x9E3779B97F4A7C15L + 17).nextGaussian();
    return (int) Math.max(200, Math.min(60_000, Math.exp(7.2 + 0.9 * gaussian)));
  }
}

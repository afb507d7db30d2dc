package org.corpuskit.jobs.stages.filter;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** A few rejected documents per reason for people to read: the same ones every run, whatever the partitioning. */
final class Samples {
  private Samples() {}

  static Dataset<Row> of(Dataset<Row> rejected, int perReason) {
    return rejected
        .withColumn("sample_rank", row_number().over(
            Window.partitionBy("reason").orderBy(xxhash64(col("doc_id")), col("doc_id"))))
        .filter(col("sample_rank").leq(perReason))
        .select("reason", "failed_rules", "doc_id", "url", "lang_declared", "text", "signals");
  }
}

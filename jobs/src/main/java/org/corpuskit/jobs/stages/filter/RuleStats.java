package org.corpuskit.jobs.stages.filter;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per rule, from the rejected documents: how many (and how many characters) it rejected as their first failing
 * rule, and how many it matched at all. The first figures add up to the stage's rejections; the second show
 * what each rule would cost alone.
 */
final class RuleStats {
  private RuleStats() {}

  static Dataset<Row> of(Dataset<Row> rejected) {
    Dataset<Row> first = rejected.groupBy(col("reason").as("rule"))
        .agg(count(lit(1)).as("first_documents"), sum(length(col("text"))).as("first_chars"));
    Dataset<Row> any = rejected.select(explode(col("failed_rules")).as("rule"), col("text"))
        .groupBy("rule").agg(count(lit(1)).as("any_documents"), sum(length(col("text"))).as("any_chars"));
    return any.join(first, "rule", "left")
        .select(col("rule"), coalesce(col("first_documents"), lit(0L)).as("first_documents"),
            coalesce(col("first_chars"), lit(0L)).as("first_chars"), col("any_documents"), col("any_chars"))
        .orderBy("rule");
  }
}

package org.corpuskit.jobs.stages.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The audit datasets of dedup: who was grouped with whom, and how large the groups were. */
final class Clusters {
  private Clusters() {}

  /**
   * Every document of a group of two or more, from the rejected documents: rows {@code (doc_id, cluster_id,
   * kept, cluster_size, method)}, cluster_id the doc_id kept (which may be a document of an earlier release),
   * method url, exact or fuzzy.
   */
  static Dataset<Row> of(Dataset<Row> rejected) {
    Dataset<Row> lost = rejected.filter(col("duplicate_of").isNotNull())
        .select(col("doc_id"), col("duplicate_of").as("cluster_id"), lit(false).as("kept"),
            regexp_replace(col("reason"), "_duplicate$", "").as("method"));
    Dataset<Row> kept = lost.select(col("cluster_id").as("doc_id"), col("cluster_id"), lit(true).as("kept"),
        col("method")).distinct();
    Dataset<Row> members = lost.unionByName(kept);
    Dataset<Row> sizes = members.groupBy("method", "cluster_id").agg(count(lit(1)).as("cluster_size"));
    return members.join(sizes, new String[] {"method", "cluster_id"})
        .select("doc_id", "cluster_id", "kept", "cluster_size", "method");
  }

  /** Per method and cluster size: how many clusters had that size, and how many documents they held. */
  static Dataset<Row> sizes(Dataset<Row> clusters) {
    return clusters.filter(col("kept")).groupBy("method", "cluster_size")
        .agg(count(lit(1)).as("clusters"))
        .withColumn("documents", col("clusters").multiply(col("cluster_size")))
        .orderBy("method", "cluster_size");
  }
}

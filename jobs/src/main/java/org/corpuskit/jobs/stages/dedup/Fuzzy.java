package org.corpuskit.jobs.stages.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corpuskit.dedup.ShingleSet;
import org.corpuskit.jobs.config.DedupConfig;

/**
 * Near-duplicate removal on the keys of {@link Signatures}: LSH buckets as stars around their best-ranked
 * member, verification, components, and the documents each cluster loses to its best-ranked member.
 */
public final class Fuzzy {
  private Fuzzy() {}

  public static final UserDefinedFunction JACCARD = udf(
      (UDF2<byte[], byte[], Double>) (x, y) -> ShingleSet.jaccard(ShingleSet.unpack(x), ShingleSet.unpack(y)),
      DataTypes.DoubleType).withName("shingle_jaccard");

  /**
   * The documents of {@code live} that lose to a better-ranked near duplicate, with {@code duplicate_of} (its
   * doc_id), the candidate pairs of node numbers with their similarity (null when not verified), and the
   * numbered documents ({@link #numbered}).
   */
  public record Result(Dataset<Row> rejected, Dataset<Row> pairs, Dataset<Row> nodes, List<Dataset<Row>> cached) {
    /** Rows (doc_id, cluster) of {@code docs}' doc_ids: the doc_id each one's cluster keeps, or its own. */
    public Dataset<Row> clusters(Dataset<Row> docs) {
      return docs.select("doc_id").join(rejected, "doc_id", "left")
          .select(col("doc_id"), coalesce(col("duplicate_of"), col("doc_id")).as("cluster"));
    }

    /** Frees the datasets cached on the way; call after the last use of the others. */
    public void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  /**
   * @param live documents with doc_id, rank, band_keys and shingles
   * @param earlier the index rows of earlier releases, or null
   */
  public static Result apply(Dataset<Row> live, Dataset<Row> earlier, DedupConfig config) {
    // Partitioned by node, so that both verification joins find the shingle sets where they are.
    List<Dataset<Row>> cached = new ArrayList<>();
    Dataset<Row> nodes = numbered(live, earlier, cached).repartition(col("node"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(nodes);
    // A band key hashes the band's index with its values, so keys of different bands never meet.
    Dataset<Row> bands = nodes.select(col("node"), col("new"), col("order"), explode(col("band_keys")).as("key"));
    Dataset<Row> centres = bands.groupBy("key")
        .agg(min(struct(col("order"), col("node"))).getField("node").as("centre"), count(lit(1)).as("size"))
        .filter(col("size").gt(1));
    // Earlier documents come first in the order, so a bucket holding one has one as its centre: an edge between
    // two earlier documents is never needed, they are kept already.
    Dataset<Row> pairs = bands.join(centres, "key")
        .filter(col("node").notEqual(col("centre")).and(col("new")))
        .select(col("node").as("a"), col("centre").as("b")).distinct();
    if (config.verify()) {
      pairs = pairs
          .join(nodes.select(col("node").as("a"), col("shingles").as("sa")), "a")
          .join(nodes.select(col("node").as("b"), col("shingles").as("sb")), "b")
          .select(col("a"), col("b"), JACCARD.apply(col("sa"), col("sb")).as("similarity"));
    } else {
      pairs = pairs.withColumn("similarity", lit(null).cast("double"));
    }
    pairs = pairs.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(pairs);
    Dataset<Row> edges = config.verify() ? pairs.filter(col("similarity").geq(config.verifyThreshold())) : pairs;
    Dataset<Row> members = Components.of(edges.select("a", "b"), config.maxRounds())
        .join(nodes.select("node", "doc_id", "new", "order"), "node");
    Dataset<Row> kept = members.groupBy("root")
        .agg(min(struct(col("order"), col("doc_id"))).getField("doc_id").as("duplicate_of"));
    Dataset<Row> rejected = members.filter(col("new")).join(kept, "root")
        .filter(col("doc_id").notEqual(col("duplicate_of")))
        .select("doc_id", "duplicate_of");
    return new Result(rejected, pairs, nodes, cached);
  }

  /**
   * Rows {@code (node, doc_id, new, order, band_keys, shingles)} of the documents that have band keys, the
   * earlier releases' and {@code live}'s, each with a distinct node number. Numbers are internal join keys
   * and depend on partitioning; what is decided by them does not, since bucket centres and kept documents are
   * chosen by {@code order}: earlier releases' documents first, then by rank, then by doc_id.
   */
  private static Dataset<Row> numbered(Dataset<Row> live, Dataset<Row> earlier, List<Dataset<Row>> cached) {
    Dataset<Row> current = live.filter(col("band_keys").isNotNull())
        .select(col("doc_id"), lit(true).as("new"), struct(lit(true).as("new"), col("rank"), col("doc_id"))
            .as("order"), col("band_keys"), col("shingles"));
    if (earlier != null) {
      DataType rank = live.schema().apply("rank").dataType();
      current = earlier.filter(col("band_keys").isNotNull())
          .select(col("doc_id"), lit(false).as("new"), struct(lit(false).as("new"), lit(null).cast(rank).as("rank"),
              col("doc_id")).as("order"), col("band_keys"), col("shingles"))
          .union(current);
    }
    return number(live.sparkSession(), current, cached);
  }

  /**
   * {@code rows} after a column {@code node}: 0, 1, ... in the order of their partitions. They are cached first:
   * zipWithIndex counts the partitions in one job and numbers them in another, and a shuffle's output can come
   * back in another order when recomputed.
   */
  private static Dataset<Row> number(SparkSession spark, Dataset<Row> rows, List<Dataset<Row>> cache) {
    Dataset<Row> cached = rows.persist(StorageLevel.MEMORY_AND_DISK());
    cache.add(cached);
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("node", DataTypes.LongType, false));
    fields.addAll(List.of(cached.schema().fields()));
    JavaRDD<Row> numbered = cached.toJavaRDD().zipWithIndex().map(pair -> {
      Object[] values = new Object[pair._1().length() + 1];
      values[0] = pair._2();
      for (int i = 0; i < pair._1().length(); i++) {
        values[i + 1] = pair._1().get(i);
      }
      return RowFactory.create(values);
    });
    return spark.createDataFrame(numbered, new StructType(fields.toArray(StructField[]::new)));
  }
}

package org.corpuskit.jobs.stages.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corpuskit.dedup.ShingleSet;
import org.corpuskit.jobs.config.DedupConfig;

/**
 * Near-duplicate removal on the keys of {@link Signatures}: numbering in rank order, LSH buckets as stars,
 * verification, components, and the documents each cluster loses.
 */
final class Fuzzy {
  private Fuzzy() {}

  private static final UserDefinedFunction JACCARD = udf(
      (UDF2<byte[], byte[], Double>) (x, y) -> ShingleSet.jaccard(ShingleSet.unpack(x), ShingleSet.unpack(y)),
      DataTypes.DoubleType).withName("shingle_jaccard");

  /**
   * The documents of {@code live} that lose to a better-ranked near duplicate, with {@code duplicate_of} (its
   * doc_id), and the candidate pairs with their similarity (null when not verified).
   */
  record Result(Dataset<Row> rejected, Dataset<Row> pairs) {}

  /**
   * @param live documents with doc_id, rank, band_keys and shingles
   * @param earlier the index rows of earlier releases, or null
   */
  static Result apply(Dataset<Row> live, Dataset<Row> earlier, DedupConfig config) {
    Dataset<Row> nodes = numbered(live, earlier).persist(StorageLevel.MEMORY_AND_DISK());
    // A band key hashes the band's index with its values, so keys of different bands never meet.
    Dataset<Row> bands = nodes.select(col("node"), col("new"), explode(col("band_keys")).as("key"));
    Dataset<Row> centres = bands.groupBy("key").agg(min("node").as("centre"), count(lit(1)).as("size"))
        .filter(col("size").gt(1));
    // Both ends of an edge between earlier documents are already kept; only edges to new documents matter.
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
    Dataset<Row> edges = config.verify() ? pairs.filter(col("similarity").geq(config.verifyThreshold())) : pairs;
    Dataset<Row> components = Components.of(edges.select("a", "b"), config.maxRounds());
    Dataset<Row> ids = nodes.select("node", "doc_id", "new");
    Dataset<Row> rejected = components.filter(col("node").notEqual(col("root")))
        .join(ids.filter(col("new")), "node")
        .join(ids.select(col("node").as("root"), col("doc_id").as("duplicate_of")), "root")
        .filter(col("doc_id").notEqual(col("duplicate_of")))
        .select("doc_id", "duplicate_of");
    return new Result(rejected, pairs);
  }

  /**
   * Rows {@code (node, doc_id, new, band_keys, shingles)} of the documents that have band keys: the earlier
   * releases' first (ordered by doc_id), then {@code live}'s in rank order, numbered from 0 in that order.
   */
  static Dataset<Row> numbered(Dataset<Row> live, Dataset<Row> earlier) {
    SparkSession spark = live.sparkSession();
    List<Dataset<Row>> parts = new ArrayList<>();
    long offset = 0;
    if (earlier != null) {
      Dataset<Row> old = earlier.filter(col("band_keys").isNotNull())
          .select(col("doc_id"), lit(false).as("new"), col("band_keys"), col("shingles"))
          .orderBy("doc_id");
      parts.add(number(spark, old, 0));
      offset = parts.get(0).count();
    }
    Dataset<Row> current = live.filter(col("band_keys").isNotNull())
        .orderBy("rank").select(col("doc_id"), lit(true).as("new"), col("band_keys"), col("shingles"));
    parts.add(number(spark, current, offset));
    return parts.stream().reduce(Dataset::union).orElseThrow();
  }

  /** {@code sorted}'s rows, in order, after a column {@code node}: offset, offset + 1, ... */
  private static Dataset<Row> number(SparkSession spark, Dataset<Row> sorted, long offset) {
    Dataset<Row> cached = sorted.persist(StorageLevel.MEMORY_AND_DISK());
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("node", DataTypes.LongType, false));
    fields.addAll(List.of(cached.schema().fields()));
    JavaRDD<Row> rows = cached.toJavaRDD().zipWithIndex().map(pair -> {
      Object[] values = new Object[pair._1().length() + 1];
      values[0] = pair._2() + offset;
      for (int i = 0; i < pair._1().length(); i++) {
        values[i + 1] = pair._1().get(i);
      }
      return RowFactory.create(values);
    });
    return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
  }
}

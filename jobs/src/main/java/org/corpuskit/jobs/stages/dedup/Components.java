package org.corpuskit.jobs.stages.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of a graph on long node ids, by the large-star and small-star rounds of Kiveris et al.
 * (2014), "Connected Components in MapReduce and Beyond". Every step is a Spark aggregation or join on node
 * ids: nothing is collected to the driver, and a node with a million neighbours is one group of a million rows,
 * spilled like any other. Each round's edges are checkpointed (locally), so that the plan does not grow with the
 * rounds.
 *
 * <p>Edges are kept oriented, {@code (v, u)} with {@code v > u}. A large-star round links every node to the
 * smallest of its neighbourhood, for the neighbours larger than it; a small-star round links each node and its
 * smaller neighbours to the smallest of them. Both keep the components, and the rounds end when the graph is a
 * set of stars, each centred on its component's smallest node: then no node has two parents and no parent has
 * one. The result depends on the edges alone, not on how they are partitioned.
 */
final class Components {
  private Components() {}

  /** Thrown when the rounds did not converge within the configured number. */
  static final class NotConvergedException extends RuntimeException {
    NotConvergedException(int rounds) {
      super("connected components did not converge in " + rounds + " rounds (dedup.max_rounds)");
    }
  }

  /**
   * The component of every node met in {@code edges} (columns {@code a}, {@code b}: longs): rows
   * {@code (node, root)}, root one node of the component, the same for all of it, roots included. When the edges
   * already form stars pointing from {@code a} to {@code b} (no a with two b, no b that is an a), as LSH buckets
   * around their best member mostly do, the centres are the roots and no round runs; otherwise the root is the
   * component's smallest node.
   */
  static Dataset<Row> of(Dataset<Row> edges, int maxRounds) {
    Dataset<Row> directed = edges.filter(col("a").notEqual(col("b"))).select(col("a").as("v"), col("b").as("u"))
        .distinct().localCheckpoint();
    if (isStars(directed)) {
      return stars(directed);
    }
    Dataset<Row> oriented = directed
        .select(greatest(col("v"), col("u")).as("v"), least(col("v"), col("u")).as("u"))
        .distinct().localCheckpoint();
    for (int round = 1; ; round++) {
      Dataset<Row> next = smallStar(largeStar(oriented)).localCheckpoint();
      oriented = next;
      if (isStars(oriented)) {
        break;
      }
      if (round == maxRounds) {
        throw new NotConvergedException(maxRounds);
      }
    }
    return stars(oriented);
  }

  /** Rows (node, root) of a graph of stars, each leaf v pointing at its centre u. */
  private static Dataset<Row> stars(Dataset<Row> edges) {
    Dataset<Row> leaves = edges.select(col("v").as("node"), col("u").as("root"));
    Dataset<Row> roots = edges.select(col("u").as("node"), col("u").as("root")).distinct();
    return leaves.union(roots);
  }

  /** Each node x links its larger neighbours to m(x), the smallest of x and its neighbours. */
  static Dataset<Row> largeStar(Dataset<Row> oriented) {
    Dataset<Row> both = oriented.select(col("v").as("x"), col("u").as("y"))
        .union(oriented.select(col("u").as("x"), col("v").as("y")));
    Dataset<Row> smallest = both.groupBy("x").agg(min("y").as("m"))
        .select(col("x"), least(col("x"), col("m")).as("m"));
    return both.join(smallest, "x").filter(col("y").gt(col("x")))
        .select(col("y").as("v"), col("m").as("u")).distinct();
  }

  /** Each node x links itself and its smaller neighbours to the smallest of them. */
  static Dataset<Row> smallStar(Dataset<Row> oriented) {
    Dataset<Row> smallest = oriented.groupBy("v").agg(min("u").as("m"));
    Dataset<Row> neighbours = oriented.join(smallest, "v").filter(col("u").notEqual(col("m")))
        .select(col("u").as("v"), col("m").as("u"));
    return neighbours.union(smallest.select(col("v"), col("m").as("u"))).distinct();
  }

  /** Whether no node v has two parents u and no parent has a parent of its own. */
  static boolean isStars(Dataset<Row> oriented) {
    boolean oneParent = oriented.groupBy("v").count().filter(col("count").gt(1)).limit(1).count() == 0;
    return oneParent && oriented.select(col("u").as("v")).distinct().join(oriented.select("v"), "v")
        .limit(1).count() == 0;
  }
}

package org.corpuskit.jobs.stages.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.jobs.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSpark.class)
class ComponentsTest {
  @Test
  void nodesShareARootExactlyWhenAUnionFindPutsThemInOneComponent(SparkSession spark) {
    SplittableRandom random = new SplittableRandom(11);
    List<Row> edges = new ArrayList<>();
    // Chains, stars and random sparse edges among 3,000 nodes: long paths need many rounds.
    for (int i = 0; i < 300; i++) {
      edges.add(RowFactory.create((long) i, (long) i + 1));
    }
    for (int i = 0; i < 200; i++) {
      edges.add(RowFactory.create(1_000L, 1_001L + i));
    }
    for (int i = 0; i < 1_500; i++) {
      edges.add(RowFactory.create(random.nextLong(1_300, 3_000), random.nextLong(1_300, 3_000)));
    }
    StructType schema = new StructType().add("a", "long").add("b", "long");
    Dataset<Row> graph = spark.createDataFrame(edges, schema).repartition(5);
    Map<Long, Long> expected = unionFind(edges);
    Map<Long, Long> actual = new HashMap<>();
    for (Row row : Components.of(graph, 100).collectAsList()) {
      actual.merge(row.getLong(0), row.getLong(1), (x, y) -> {
        throw new AssertionError("node " + row.getLong(0) + " has two roots: " + x + ", " + y);
      });
    }
    assertEquals(expected, actual, "not stars: each root is its component's smallest node");
  }

  @Test
  void edgesThatAreStarsAlreadyKeepTheirCentresAsRoots(SparkSession spark) {
    // Leaves 5, 6, 7 point at 9 and 2 points at 8: stars whose centres are not their smallest nodes.
    List<Row> edges = List.of(RowFactory.create(5L, 9L), RowFactory.create(6L, 9L), RowFactory.create(7L, 9L),
        RowFactory.create(2L, 8L), RowFactory.create(5L, 9L));
    Map<Long, Long> roots = new HashMap<>();
    for (Row row : Components.of(spark.createDataFrame(edges, new StructType().add("a", "long").add("b", "long")),
        100).collectAsList()) {
      roots.put(row.getLong(0), row.getLong(1));
    }
    assertEquals(Map.of(5L, 9L, 6L, 9L, 7L, 9L, 9L, 9L, 2L, 8L, 8L, 8L), roots);
  }

  @Test
  void aNodeWithTwoCentresJoinsTheirStarsIntoOneComponent(SparkSession spark) {
    // 5 is in two buckets, centred on 9 and on 8: the edges are not stars, and all four nodes are one component.
    List<Row> edges = List.of(RowFactory.create(5L, 9L), RowFactory.create(6L, 9L), RowFactory.create(5L, 8L),
        RowFactory.create(7L, 8L));
    Map<Long, Long> roots = new HashMap<>();
    for (Row row : Components.of(spark.createDataFrame(edges, new StructType().add("a", "long").add("b", "long")),
        100).collectAsList()) {
      roots.merge(row.getLong(0), row.getLong(1), (x, y) -> {
        throw new AssertionError("node " + row.getLong(0) + " has two roots: " + x + ", " + y);
      });
    }
    assertEquals(Map.of(5L, 5L, 6L, 5L, 7L, 5L, 8L, 5L, 9L, 5L), roots);
  }

  private static Map<Long, Long> unionFind(List<Row> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (Row edge : edges) {
      long a = find(parent, edge.getLong(0));
      long b = find(parent, edge.getLong(1));
      if (a != b) {
        parent.put(Math.max(a, b), Math.min(a, b));
      }
    }
    Map<Long, Long> roots = new HashMap<>();
    for (Row edge : edges) {
      if (edge.getLong(0) != edge.getLong(1)) {
        roots.put(edge.getLong(0), find(parent, edge.getLong(0)));
        roots.put(edge.getLong(1), find(parent, edge.getLong(1)));
      }
    }
    return roots;
  }

  private static long find(Map<Long, Long> parent, long node) {
    parent.putIfAbsent(node, node);
    long root = node;
    while (parent.get(root) != root) {
      root = parent.get(root);
    }
    return root;
  }
}

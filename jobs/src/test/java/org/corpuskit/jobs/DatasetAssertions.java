package org.corpuskit.jobs;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/** Dataset equality for tests, with a diff a person can read when it fails. */
public final class DatasetAssertions {
  private static final int SHOWN = 10;

  private DatasetAssertions() {}

  /**
   * Fails unless both datasets have the same schema (ignoring nullability) and the same rows as a multiset
   * (order ignored), listing the rows missing from {@code actual} and the rows it has in excess.
   */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    if (!DataType.equalsIgnoreNullability(expected.schema(), actual.schema())) {
      fail("schemas differ:\nexpected " + expected.schema().treeString() + "\nactual   " + actual.schema().treeString());
    }
    Map<String, Integer> counts = new HashMap<>();
    expected.collectAsList().forEach(row -> counts.merge(row.toString(), 1, Integer::sum));
    List<String> unexpected = new ArrayList<>();
    for (Row row : actual.collectAsList()) {
      String key = row.toString();
      if (counts.merge(key, -1, Integer::sum) < 0) {
        unexpected.add(key);
      }
    }
    List<String> missing = new ArrayList<>();
    counts.forEach((row, n) -> {
      for (int i = 0; i < n; i++) {
        missing.add(row);
      }
    });
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      fail(String.format("datasets differ: %d rows missing from actual, %d unexpected%nmissing:%n  %s%nunexpected:%n  %s",
          missing.size(), unexpected.size(), shorten(missing), shorten(unexpected)));
    }
  }

  private static String shorten(List<String> rows) {
    List<String> shown = rows.stream().sorted().limit(SHOWN)
        .map(r -> r.length() > 300 ? r.substring(0, 300) + "..." : r).toList();
    return String.join("\n  ", shown) + (rows.size() > SHOWN ? "\n  (+" + (rows.size() - SHOWN) + " more)" : "");
  }
}

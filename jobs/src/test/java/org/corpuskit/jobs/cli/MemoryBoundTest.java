package org.corpuskit.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.jobs.ChildCorpus;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.sample.SyntheticText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dedup and decontaminate, each in a JVM with a 1 GB heap (in local mode the executors' heap), on the largest
 * generated corpus CI time allows: {@value #DOCUMENTS} documents of about 2,400 characters (1.07 GB of text, more
 * than the heap), every tenth a near copy of the one before, every hundredth quoting one of {@value #ITEMS} benchmark
 * items. Both complete, dedup finds every near copy and decontaminate the quoted items; the most heap live after
 * a collection in each stage, which its progress line reports, is printed for docs/reliability.md. The input has
 * the row groups of the pipeline's own datasets (32 MB): a reader holds one whole per task.
 */
@ExtendWith(LocalSpark.class)
class MemoryBoundTest {
  static final int DOCUMENTS = 450_000;
  static final int ITEMS = 20_000;
  private static final Pattern PEAK = Pattern.compile("\\[1/1 (\\w+)[^\\]]*\\].*heap after GC peak ([0-9.]+ [MGK]B)");

  /** Kept when the test fails, to run the stage again under a profiler. */
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void dedupAndDecontaminateFinishInAOneGigabyteHeap(SparkSession spark) throws Exception {
    Path documents = dir.resolve("documents");
    StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("url", DataTypes.StringType)
        .add("text", DataTypes.StringType);
    spark.range(0, DOCUMENTS, 1, 8).mapPartitions((MapPartitionsFunction<Long, Row>) ids -> {
      SyntheticText words = new SyntheticText(11);
      List<Row> rows = new ArrayList<>();
      while (ids.hasNext()) {
        long id = ids.next();
        // A near copy: the document before, its first sentence changed.
        String text = id % 10 == 9 ? "A changed opening line here. " + words.document(id - 1, 2000)
            : words.document(id, 2000);
        if (id % 100 == 50) {
          text = text + "\n\n" + item(words, id / 100 % ITEMS);
        }
        rows.add(RowFactory.create("d" + id, "https://memory.example/" + id, text));
      }
      return rows.iterator();
    }, ExpressionEncoder.apply(schema)).write().option("parquet.block.size", 32 << 20).parquet(documents.toString());
    Path benchmark = dir.resolve("items.jsonl");
    SyntheticText words = new SyntheticText(11);
    StringBuilder lines = new StringBuilder();
    for (long i = 0; i < ITEMS; i++) {
      lines.append("{\"question\": \"").append(item(words, i)).append("\"}\n");
    }
    Files.writeString(benchmark, lines.toString());

    Path out = dir.resolve("out");
    ChildCorpus.Result dedup = ChildCorpus.run("1g", Duration.ofMinutes(20), dir.resolve("dedup.log"), "dedup",
        "--input", documents.toString(), "--out", out.toString());
    assertEquals(0, dedup.exitCode(), dedup.out() + dedup.err());
    assertTrue(dedup.out().matches("(?s).*\\ndedup +ran +" + DOCUMENTS + " +" + DOCUMENTS * 9 / 10 + " +" + DOCUMENTS / 10
        + " .*"), "every near copy found: " + dedup.out());
    ChildCorpus.Result decontaminate = ChildCorpus.run("1g", Duration.ofMinutes(20), dir.resolve("decon.log"),
        "decontaminate", "--input", out.resolve("dedup/documents").toString(), "--out", out.toString(),
        "--benchmark", "items=" + benchmark + ":fields=question");
    assertEquals(0, decontaminate.exitCode(), decontaminate.out() + decontaminate.err());
    Matcher found = Pattern.compile("items: ([0-9,]+) of ([0-9,]+) items found").matcher(decontaminate.out());
    assertTrue(found.find(), decontaminate.out());
    int items = Integer.parseInt(found.group(1).replace(",", ""));
    assertTrue(items >= DOCUMENTS / 100 * 9 / 10, "quotes found: " + found.group());
    System.out.println("MemoryBoundTest: " + DOCUMENTS + " documents, 1 GB heap");
    for (String err : List.of(dedup.err(), decontaminate.err())) {
      String last = "no peak reported";
      for (Matcher peak = PEAK.matcher(err); peak.find(); ) {
        last = peak.group(1) + " heap after GC peak " + peak.group(2);
      }
      System.out.println("MemoryBoundTest: " + last);
    }
    System.out.println(dedup.out() + decontaminate.out());
  }

  private static String item(SyntheticText words, long i) {
    return words.document(1_000_000 + i, 160).replace("\n", " ").replace("\"", "");
  }
}

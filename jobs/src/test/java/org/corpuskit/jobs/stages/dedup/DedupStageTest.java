package org.corpuskit.jobs.stages.dedup;

import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.jobs.TestRuns;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageRun;
import org.corpuskit.jobs.stages.extract.ExtractStage;
import org.corpuskit.jobs.stages.filter.FilterStage;
import org.corpuskit.sample.SampleCrawl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DedupStageTest {
  private static final Pattern PAGE = Pattern.compile("article-(\\d+)\\.html$");

  @TempDir
  static Path dir;

  private SparkSession spark;
  private String out;
  private StageCounts counts;

  @BeforeAll
  void dedupTheSample(SparkSession spark) throws IOException {
    this.spark = spark;
    out = dir.resolve("out").toString();
    List<StageRun> runs = TestRuns.run(spark,
        new Pipeline(List.of(new ExtractStage(), new FilterStage(), new DedupStage())),
        TestRuns.config(List.of(SampleCrawl.write(dir.resolve("sample")).warc().toString())), out);
    counts = runs.get(2).marker().counts();
  }

  private Dataset<Row> output(String dataset) {
    return spark.read().parquet(out + "/dedup/" + dataset);
  }

  @Test
  void everyDocumentIsKeptOrRejectedAsADuplicateOfAKeptOne() {
    assertTrue(counts.addsUp(), counts.toString());
    assertEquals(spark.read().parquet(out + "/filter/documents").count(), counts.in());
    assertEquals(0, output("rejected").filter("duplicate_of is null or duplicate_of = doc_id").count());
    assertEquals(Set.of("url_duplicate", "exact_duplicate", "fuzzy_duplicate"), counts.rejected().keySet());
  }

  @Test
  void ofEachPlantedPairOnlyOneIsKept() {
    Map<Integer, Integer> keptPages = pages(output("documents"));
    Map<Integer, Integer> allPages = pages(spark.read().parquet(out + "/filter/documents"));
    int checked = 0;
    for (int[] pair : SampleCrawl.plantedDuplicates()) {
      // A pair the filter broke up is not dedup's to judge; every other one must lose a page.
      if (allPages.containsKey(pair[0]) && allPages.containsKey(pair[1])) {
        checked++;
        assertFalse(keptPages.containsKey(pair[0]) && keptPages.containsKey(pair[1]),
            "pages " + pair[0] + " and " + pair[1] + " are both kept");
      }
    }
    assertTrue(checked >= SampleCrawl.plantedDuplicates().size() * 9 / 10, "only " + checked + " of "
        + SampleCrawl.plantedDuplicates().size() + " planted pairs reached dedup whole");
  }

  @Test
  void noPageOutsideThePlantedPairsIsRemoved() {
    Set<Integer> planted = new HashSet<>();
    for (int[] pair : SampleCrawl.plantedDuplicates()) {
      planted.add(pair[0]);
      planted.add(pair[1]);
    }
    Map<Integer, Integer> rejected = pages(output("rejected").filter("reason != 'url_duplicate'"));
    rejected.keySet().removeAll(planted);
    assertEquals(Map.of(), rejected, "pages removed though nothing was planted");
  }

  @Test
  void aPageCapturedTwiceKeepsItsLatestCapture() {
    Dataset<Row> recaptures = output("rejected").filter("reason = 'url_duplicate'");
    assertEquals(SampleCrawl.RECAPTURES, recaptures.count());
    assertEquals(0, recaptures.filter("text like '%Updated two days later%'").count(), "a later capture lost");
  }

  @Test
  void clustersListEveryRemovedDocumentWithTheOneKept() {
    Dataset<Row> clusters = output("clusters");
    assertEquals(counts.rejectedTotal(), clusters.filter("not kept").count());
    assertEquals(0, clusters.filter("kept").join(output("documents"), "doc_id", "left_anti")
        .filter("method != 'url'").count(), "a kept cluster member is in the documents, unless a later method "
        + "removed it");
    long members = output("cluster_sizes").selectExpr("sum(documents)").first().getLong(0);
    assertEquals(clusters.count(), members);
  }

  @Test
  void theKeptSetDoesNotDependOnPartitioning() {
    List<Row> expected = null;
    for (int partitions : new int[] {1, 3, 16}) {
      List<Row> outcome = dedupAlone(spark.read().parquet(out + "/filter/documents").repartition(partitions),
          partitions, "partitions-" + partitions).select("doc_id", "reason", "duplicate_of")
          .orderBy("doc_id").collectAsList();
      if (expected == null) {
        expected = outcome;
      } else {
        assertEquals(expected, outcome, "with " + partitions + " partitions");
      }
    }
  }

  @Test
  void oneDocumentNearlyCopied200000TimesIsOneClusterOfThatSize() {
    int copies = 200_000;
    Row original = spark.read().parquet(out + "/filter/documents").orderBy("doc_id").first();
    Dataset<Row> docs = spark.range(copies).crossJoin(spark.createDataFrame(List.of(original),
            spark.read().parquet(out + "/filter/documents").schema()))
        .withColumn("doc_id", expr("sha2(cast(id as string), 256)"))
        .withColumn("url", expr("concat(url, '?copy=', id)"))
        // Digits are folded in shingles: the copies differ by a word of letters, their number in base 26.
        .withColumn("text", expr("concat(text, ' ', translate(conv(id, 10, 26), '0123456789', 'qrstuvwxyz'))"))
        .drop("id");
    Dataset<Row> decisions = dedupAlone(docs, 8, "skew");
    assertEquals(copies - 1, decisions.filter("reason = 'fuzzy_duplicate'").count());
    Row sizes = spark.read().parquet(dir.resolve("skew/dedup/cluster_sizes").toString()).filter("method = 'fuzzy'").first();
    assertEquals(copies, sizes.getLong(sizes.fieldIndex("cluster_size")));
  }

  @Test
  void aNewBatchIsDeduplicatedAgainstTheIndexOfAnEarlierRelease() throws IOException {
    String firstIndex = out + "/dedup/index";
    Dataset<Row> kept = spark.read().parquet(out + "/dedup/documents");
    // The new batch: ten kept documents crawled again under new URLs, first word changed, and ten new ones.
    Dataset<Row> again = kept.orderBy("doc_id").limit(10)
        .withColumn("doc_id", expr("sha2(concat('again-', doc_id), 256)"))
        .withColumn("url", expr("concat(url, '?again')"))
        .withColumn("text", expr("regexp_replace(text, '^(\\S+)', 'Reworded')"));
    Dataset<Row> fresh = kept.orderBy("doc_id").limit(10)
        .withColumn("doc_id", expr("sha2(concat('new-', doc_id), 256)"))
        .withColumn("url", expr("concat(url, '?new')"))
        .withColumn("text", expr("concat_ws(' ', transform(sequence(1, 80), i -> sha2(concat(doc_id, i), 256)))"));
    Dataset<Row> batch = again.unionByName(fresh);
    String input = dir.resolve("batch-2-input").toString();
    batch.write().parquet(input);
    TestRuns.runOn(spark, new Pipeline(List.of(new DedupStage()), Set.of(DedupStage.READS)),
        TestRuns.config(List.of(input), "dedup.against=[\"" + firstIndex + "\"]"), dir.resolve("batch-2").toString(),
        Map.of(DedupStage.READS, input));
    Dataset<Row> rejected = spark.read().parquet(dir.resolve("batch-2/dedup/rejected").toString());
    assertEquals(10, rejected.count(), "the ten copies of the first release are removed, the ten new kept");
    assertEquals(10, rejected.join(kept.select(expr("doc_id as duplicate_of")), "duplicate_of").count(),
        "each is a duplicate of a document the first release kept");
    String parts = Files.readString(dir.resolve("batch-2/dedup/index/_parts.json"));
    assertTrue(parts.contains(Path.of(firstIndex).toUri().getPath().replaceAll("/$", "")), parts);
  }

  @Test
  void aLineInAtLeastLineMinDocsDocumentsIsRemovedFromAllOfThem() {
    Dataset<Row> four = spark.read().parquet(out + "/dedup/documents").orderBy("doc_id").limit(4)
        .withColumn("rank", expr("row_number() over (order by doc_id)"))
        .withColumn("text", expr("case when rank = 4 then 'SUBSCRIBE to the Gazette, today!' "
            + "else concat(text, '\\nSubscribe to the gazette today.') end")).drop("rank");
    Dataset<Row> decisions = dedupAlone(four, 4, "lines", "dedup.line_min_docs=4");
    assertEquals(List.of(LineDedup.NO_LINES_LEFT), decisions.filter("reason is not null")
        .select("reason").as(Encoders.STRING()).collectAsList());
    Dataset<Row> kept = spark.read().parquet(dir.resolve("lines/dedup/documents").toString());
    assertEquals(3, kept.count());
    assertEquals(0, kept.filter("lower(text) like '%subscribe%'").count());
    Row removed = spark.read().parquet(dir.resolve("lines/dedup/removed_lines").toString()).first();
    assertEquals(4L, removed.getLong(removed.fieldIndex("documents")));
  }

  /** Runs the dedup stage alone on {@code docs}, written as they are partitioned; returns every decision. */
  private Dataset<Row> dedupAlone(Dataset<Row> docs, int shufflePartitions, String name, String... sets) {
    String input = dir.resolve(name + "-input").toString();
    docs.write().parquet(input);
    String previous = spark.conf().get("spark.sql.shuffle.partitions");
    spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions));
    spark.conf().set("spark.sql.files.openCostInBytes", String.valueOf(1L << 30));
    try {
      TestRuns.runOn(spark, new Pipeline(List.of(new DedupStage()), Set.of(DedupStage.READS)),
          TestRuns.config(List.of(input), sets), dir.resolve(name).toString(), Map.of(DedupStage.READS, input));
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", previous);
      spark.conf().unset("spark.sql.files.openCostInBytes");
    }
    String work = dir.resolve(name).resolve("dedup").toString();
    return spark.read().parquet(work + "/documents").select("doc_id")
        .withColumn("reason", lit(null).cast("string")).withColumn("duplicate_of", lit(null).cast("string"))
        .unionByName(spark.read().parquet(work + "/rejected").select("doc_id", "reason", "duplicate_of"));
  }

  /** Page number → count, of the sample's article pages among {@code docs}. */
  private static Map<Integer, Integer> pages(Dataset<Row> docs) {
    Map<Integer, Integer> pages = new HashMap<>();
    for (Row row : docs.select("url").collectAsList()) {
      Matcher m = PAGE.matcher(row.getString(0));
      if (m.find()) {
        pages.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
      }
    }
    return pages;
  }
}

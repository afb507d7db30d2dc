package org.corpuskit.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.corpuskit.sample.SampleCrawl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(org.corpuskit.jobs.LocalSpark.class)
class WarcDataSourceTest {
  @TempDir
  Path dir;

  @Test
  void readsOneRowPerRecordWithTheWarcRecordsSchema(SparkSession spark) throws IOException {
    SampleCrawl.Written sample = SampleCrawl.write(dir);
    Dataset<Row> records = spark.read().format("warc").load(sample.warc().toString());
    assertTrue(DataType.equalsIgnoreNullability(Schemas.WARC_RECORDS, records.schema()));
    records.createOrReplaceTempView("records");
    Row counts = spark.sql("select count(*), count_if(outcome = 'page'), count_if(outcome like 'failed:%'),"
        + " count_if(outcome = 'skipped:revisit') from records").first();
    assertEquals(3, counts.getLong(2));
    assertEquals(1, counts.getLong(3));
    assertTrue(counts.getLong(1) >= SampleCrawl.PAGES);
    Dataset<Row> directory = spark.read().format("warc").load(dir.toString());
    assertEquals(counts.getLong(0) + 2, directory.count(),
        "the directory also holds benchmark.jsonl and reference.jsonl");
    assertEquals(2, directory.filter("warc_file like '%.jsonl' and outcome = 'failed:not_an_archive'"
        + " and message is not null").count());
  }

  @Test
  void aQueryThatDoesNotSelectThePayloadDoesNotReadIt(SparkSession spark) throws IOException {
    SampleCrawl.Written sample = SampleCrawl.write(dir);
    Dataset<Row> urls = spark.read().format("warc").load(sample.warc().toString()).select("url", "outcome");
    String plan = urls.queryExecution().executedPlan().toString();
    assertTrue(plan.contains("BatchScan") && !plan.contains("payload"), plan);
    assertEquals(urls.count(), urls.filter("url is not null").count());
  }

  @Test
  void readsRealCommonCrawlWarcAndWetTogether(SparkSession spark) {
    Path warc = org.corpuskit.jobs.LocalSpark.sharedData("warc/commoncrawl-whirlwind/whirlwind.warc.gz");
    Path wet = org.corpuskit.jobs.LocalSpark.sharedData("warc/commoncrawl-whirlwind/whirlwind.warc.wet.gz");
    Dataset<Row> pages = spark.read().format("warc").load(warc.toString(), wet.toString()).filter("outcome = 'page'");
    assertEquals(2, pages.count());
    assertEquals(1, pages.select("url").distinct().count());
  }
}

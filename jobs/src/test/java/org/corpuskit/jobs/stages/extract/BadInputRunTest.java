package org.corpuskit.jobs.stages.extract;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.ChildCorpus;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.sample.BadInputCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline, in a JVM with a 1 GB heap, over every file of the bad-input corpus (with its 200 MB record)
 * and the real archives of ../shared/data/warc, broken ones among them: the run completes; every failure is in
 * extract/errors with its file, offset and reason; every file that had to fail did; and every intact record,
 * known from how the file was made, is accounted for as a page or a skipped record.
 */
@ExtendWith(LocalSpark.class)
class BadInputRunTest {
  @TempDir
  Path dir;

  @Test
  void aOneGigabyteJobReadsEveryBrokenFileAndLosesNoIntactRecord(SparkSession spark) throws Exception {
    Path corpus = dir.resolve("bad-inputs");
    List<BadInputCorpus.Case> cases = BadInputCorpus.write(corpus, true);
    Path real = LocalSpark.sharedData("warc");
    Path out = dir.resolve("out");
    ChildCorpus.Result run = ChildCorpus.run("1g", Duration.ofMinutes(15), dir.resolve("run.log"), "run",
        "--input", corpus.toString(), "--input", real.toString(), "--out", out.toString(),
        "--set", "extract.max_unreadable_share=1");
    assertEquals(0, run.exitCode(), run.out() + run.err());

    Map<String, long[]> summaries = new HashMap<>();
    for (Row row : spark.read().parquet(out.resolve("extract/file_summaries").toString())
        .select("file", "pages", "skipped", "failed").collectAsList()) {
      summaries.put(Path.of(java.net.URI.create(row.getString(0)).getPath()).getFileName().toString(),
          new long[] {row.getLong(1), row.getLong(2), row.getLong(3)});
    }
    List<Row> errors = spark.read().parquet(out.resolve("extract/errors").toString()).collectAsList();
    Set<String> failedFiles = new HashSet<>();
    for (Row error : errors) {
      String file = error.getAs("file");
      long offset = error.getAs("offset");
      assertTrue(file != null && offset >= -1 && !((String) error.getAs("reason")).isBlank()
          && !((String) error.getAs("message")).isBlank(), error.toString());
      failedFiles.add(Path.of(java.net.URI.create(file).getPath()).getFileName().toString());
    }
    Set<String> urls = new HashSet<>();
    for (String dataset : List.of("extract/documents", "extract/rejected")) {
      spark.read().parquet(out.resolve(dataset).toString()).select(col("warc_file"), col("url")).collectAsList()
          .forEach(r -> urls.add(Path.of(java.net.URI.create(r.getString(0)).getPath()).getFileName() + " "
              + r.getString(1)));
    }
    List<String> lost = new ArrayList<>();
    for (BadInputCorpus.Case c : cases) {
      long[] summary = summaries.get(c.file());
      assertTrue(summary != null, c.file() + " has no summary");
      if (summary[0] + summary[1] < c.intact().size()) {
        lost.add(c.file() + ": " + summary[0] + " pages and " + summary[1] + " skipped of " + c.intact().size()
            + " intact records");
      }
      if (c.mustFail()) {
        assertTrue(failedFiles.contains(c.file()), c.file() + " had to fail and is not in extract/errors");
      }
      for (String id : c.intact()) {
        int i = Integer.parseInt(id.substring(id.length() - 2));
        if (i != 3 && i != 7 && !urls.contains(c.file() + " https://bad-inputs.example/page-" + i + ".html")) {
          lost.add(c.file() + ": intact page " + i + " is neither a document nor a rejection");
        }
      }
    }
    assertEquals(List.of(), lost);
    assertTrue(failedFiles.contains("clipped.warc.gz") && failedFiles.contains(BadInputCorpus.CASES), failedFiles
        .toString());
    assertTrue(run.out().contains("pack           ran"), run.out());
  }
}

package org.corpuskit.jobs;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.corpuskit.archive.ReaderConfig;

/**
 * Archives to documents: the pipeline read top to bottom. The outcome rows are kept on disk once so that the
 * documents, rejections, errors and per-file summaries are all written from one read of the archives.
 */
final class ExtractJob {
  /**
   * @param inputs files, directories, globs or path listings
   * @param out output directory (any Hadoop file system)
   * @param source label written into every document
   * @param ccBase where relative lines of a path listing live
   * @param maxFiles keep only the first N files of the sorted input (0 for all)
   * @param reader reader limits
   * @param maxDepth deepest HTML nesting the extractor parses
   */
  record Options(List<String> inputs, String out, String source, String ccBase, int maxFiles,
      ReaderConfig reader, int maxDepth) {
    Options {
      if (inputs == null || inputs.isEmpty()) {
        throw new IllegalArgumentException("at least one input is required");
      }
      if (out == null || out.isBlank()) {
        throw new IllegalArgumentException("an output directory is required");
      }
      if (source == null || source.isBlank()) {
        throw new IllegalArgumentException("source must not be blank");
      }
      if (maxFiles < 0) {
        throw new IllegalArgumentException("maxFiles must not be negative");
      }
      inputs = List.copyOf(inputs);
    }
  }

  /** Counts of one run; {@code pages == documents + rejected + extractFailures}. */
  record Summary(long files, long records, long pages, long skipped, long readFailures, long documents,
      long rejected, long extractFailures) {
    boolean addsUp() {
      return pages == documents + rejected + extractFailures;
    }

    String describe() {
      return String.format(
          "files %d, records %d: pages %d, skipped %d, failed %d; pages %d: documents %d, rejected %d, failed %d%s",
          files, records, pages, skipped, readFailures, pages, documents, rejected, extractFailures,
          addsUp() ? "" : " (COUNTS DO NOT ADD UP)");
    }
  }

  private ExtractJob() {}

  static Summary run(SparkSession spark, Options options) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    HadoopConf.allowAnonymousCommonCrawl(conf);
    List<String> files = Inputs.resolve(options.inputs(), options.ccBase(), options.maxFiles(), conf);

    Dataset<Row> outcomes = new ReadArchives(options.reader(), conf).apply(ReadArchives.files(spark, files));
    outcomes = new ExtractText(options.source(), options.maxDepth()).apply(outcomes);
    outcomes = outcomes.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(outcomes, Outcomes.DOCUMENT, options.out() + "/documents");
      write(outcomes, Outcomes.REJECTED, options.out() + "/rejected");
      write(outcomes, Outcomes.ERROR, options.out() + "/errors");
      write(outcomes, Outcomes.SUMMARY, options.out() + "/file_summaries");
      return summarize(outcomes, files.size());
    } finally {
      outcomes.unpersist();
    }
  }

  private static void write(Dataset<Row> outcomes, String kind, String path) {
    outcomes.filter(outcomes.col("kind").equalTo(kind))
        .select(kind + ".*")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(path);
  }

  private static Summary summarize(Dataset<Row> outcomes, long files) {
    Row totals = outcomes.filter(outcomes.col("kind").equalTo(Outcomes.SUMMARY))
        .selectExpr("coalesce(sum(summary.records), 0)", "coalesce(sum(summary.pages), 0)",
            "coalesce(sum(summary.skipped), 0)", "coalesce(sum(summary.failed), 0)")
        .first();
    Row kinds = outcomes.selectExpr(
            "count_if(kind = 'document')", "count_if(kind = 'rejected')",
            "count_if(kind = 'error' and error.stage = 'extract')")
        .first();
    return new Summary(files, totals.getLong(0), totals.getLong(1), totals.getLong(2), totals.getLong(3),
        kinds.getLong(0), kinds.getLong(1), kinds.getLong(2));
  }
}

package org.corpuskit.jobs.stages.extract;

import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.archive.ArchiveReader;
import org.corpuskit.archive.FileSummary;
import org.corpuskit.archive.ReadEvent;
import org.corpuskit.archive.ReaderConfig;
import org.corpuskit.jobs.io.HadoopChannel;
import org.corpuskit.jobs.io.HadoopConf;
import org.corpuskit.jobs.io.Schemas;

/**
 * Stage: archive files to outcome rows, one Spark partition per file. Each file yields its pages, its
 * failures (with offset and reason) and, last, its summary; a file that cannot even be opened yields one
 * {@code io_error} and a summary that counts it, so no input vanishes without a trace.
 */
final class ReadArchives implements Serializable {
  private static final long serialVersionUID = 1L;
  static final StructType INPUT = new StructType().add("file", DataTypes.StringType, false);

  private final ReaderConfig config;
  private final Map<String, String> hadoopConf;

  ReadArchives(ReaderConfig config, Configuration hadoopConf) {
    this.config = config;
    this.hadoopConf = HadoopConf.toMap(hadoopConf);
  }

  /** The files to read as a one-column dataset, exactly one partition per file. */
  static Dataset<Row> files(SparkSession spark, List<String> files) {
    List<Row> rows = new ArrayList<>();
    files.forEach(f -> rows.add(RowFactory.create(f)));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(jsc.parallelize(rows, Math.max(1, files.size())), INPUT);
  }

  Dataset<Row> apply(Dataset<Row> files) {
    Schemas.require("read-archives", files, INPUT);
    ReaderConfig readerConfig = config;
    Map<String, String> conf = hadoopConf;
    return files.flatMap(
        (FlatMapFunction<Row, Row>) row ->
            new FileRows(row.getString(0), readerConfig, HadoopConf.fromMap(conf)),
        Encoders.row(Outcomes.SCHEMA));
  }

  /**
   * Streams one file's outcome rows, holding one record at a time. The bytes it has read go into the task's input
   * metrics as it reads, which Spark does only for its own data sources: the progress line and Spark's UI show
   * the archives read, not only the Parquet read after them.
   */
  static final class FileRows implements Iterator<Row> {
    private final String file;
    private ArchiveReader reader;
    private long size;
    private long reported;
    private Row next;
    private boolean done;

    FileRows(String file, ReaderConfig config, Configuration conf) {
      this.file = file;
      try {
        SeekableByteChannel channel = HadoopChannel.open(file, conf);
        size = channel.size();
        reader = new ArchiveReader(file, channel, config);
      } catch (IOException | RuntimeException e) {
        next = Outcomes.error(file, -1, "read", "io_error", e.getClass().getSimpleName() + ": " + e.getMessage(), "");
      }
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = next;
      next = null;
      return row;
    }

    private Row advance() {
      if (reader == null) {
        done = true;
        // A file that cannot be opened is one unreadable stretch, failed as an I/O error.
        return Outcomes.summary(new FileSummary(file, Map.of(), 1, Map.of("failed:io_error", 1L)));
      }
      while (true) {
        Optional<ReadEvent> event = reader.next();
        if (event.isEmpty()) {
          done = true;
          readUpTo(size);
          FileSummary summary = reader.summary();
          closeQuietly();
          return Outcomes.summary(summary);
        }
        if (event.get() instanceof ReadEvent.Page page) {
          readUpTo(page.page().offset());
          return Outcomes.page(page.page());
        }
        if (event.get() instanceof ReadEvent.Failure failure) {
          readUpTo(failure.offset());
          return Outcomes.readFailure(file, failure);
        }
      }
    }

    /** Counts the file's bytes up to {@code offset} as read by this task. */
    private void readUpTo(long offset) {
      TaskContext task = TaskContext.get();
      if (task != null && offset > reported) {
        task.taskMetrics().inputMetrics().incBytesRead(offset - reported);
        reported = offset;
      }
    }

    private void closeQuietly() {
      try {
        reader.close();
      } catch (IOException e) {
        // Everything was read; a failure to close changes no result.
      }
    }
  }
}

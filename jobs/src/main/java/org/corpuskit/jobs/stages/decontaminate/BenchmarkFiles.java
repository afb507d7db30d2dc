package org.corpuskit.jobs.stages.decontaminate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.decontaminate.BenchmarkException;
import org.corpuskit.decontaminate.BenchmarkFormat;
import org.corpuskit.decontaminate.BenchmarkItem;
import org.corpuskit.decontaminate.BenchmarkReader;
import org.corpuskit.decontaminate.BenchmarkSpec;

/**
 * Reads the benchmarks' files on the driver, from any file system Hadoop reaches (local, S3, HDFS): a file, or
 * every file under a folder whose name gives its format (names starting with {@code _} or {@code .} are left
 * out, as Spark and Hadoop write them). Parquet files are read by Spark; the others by {@link BenchmarkReader},
 * which names the file and line of anything it cannot read. Not thread-safe.
 */
public final class BenchmarkFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchmarkFiles() {}

  /** The items of one benchmark and the files they came from, relative to its path. */
  public record Loaded(BenchmarkSpec spec, List<String> files, List<BenchmarkItem> items) {}

  public static List<Loaded> load(SparkSession spark, List<BenchmarkSpec> specs) {
    List<Loaded> out = new ArrayList<>();
    for (BenchmarkSpec spec : specs) {
      out.add(load(spark, spec));
    }
    return out;
  }

  /**
   * Reads every file of {@code spec} but Parquet ones (which need Spark) before Spark starts, so that a file
   * that does not parse is reported before any stage runs.
   */
  static void check(BenchmarkSpec spec, Configuration conf) {
    load(null, conf, spec);
  }

  private static Loaded load(SparkSession spark, BenchmarkSpec spec) {
    return load(spark, spark.sparkContext().hadoopConfiguration(), spec);
  }

  /** The items of {@code spec}; with no session, Parquet files are left out. */
  private static Loaded load(SparkSession spark, Configuration conf, BenchmarkSpec spec) {
    Path root = new Path(spec.path());
    try {
      FileSystem fs = root.getFileSystem(conf);
      Map<String, Path> files = files(spec, fs, root);
      List<BenchmarkItem> items = new ArrayList<>();
      BenchmarkReader reader = new BenchmarkReader(spec);
      for (Map.Entry<String, Path> file : files.entrySet()) {
        BenchmarkFormat format = format(spec, file.getKey()).orElseThrow();
        if (format == BenchmarkFormat.PARQUET) {
          if (spark == null) {
            continue;
          }
          items.addAll(parquet(spark, spec, reader, file.getKey(), file.getValue()));
        } else {
          try (InputStream in = fs.open(file.getValue())) {
            items.addAll(reader.read(file.getKey(), format, in));
          }
        }
      }
      return new Loaded(spec, List.copyOf(files.keySet()), items);
    } catch (IOException e) {
      throw new UncheckedIOException("benchmark " + spec.name() + ": cannot read " + spec.path() + ": "
          + e.getMessage(), e);
    }
  }

  /** The files of a benchmark by the name they are shown under, in name order. */
  private static Map<String, Path> files(BenchmarkSpec spec, FileSystem fs, Path root) throws IOException {
    FileStatus status;
    try {
      status = fs.getFileStatus(root);
    } catch (FileNotFoundException e) {
      throw new BenchmarkException(spec.name(), spec.path(), "", "no such file or folder");
    }
    if (status.isFile()) {
      String name = root.getName();
      if (format(spec, name).isEmpty() && name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
        throw new BenchmarkException(spec.name(), name, "", "is a zip archive; unpack it and give the folder");
      }
      if (format(spec, name).isEmpty()) {
        throw new BenchmarkException(spec.name(), name, "", "the name does not say the format: give format= "
            + "(jsonl, json, csv, tsv, text or parquet)");
      }
      return Map.of(name, status.getPath());
    }
    String prefix = status.getPath().toUri().getPath();
    Map<String, Path> found = new TreeMap<>();
    RemoteIterator<LocatedFileStatus> listing = fs.listFiles(root, true);
    while (listing.hasNext()) {
      Path path = listing.next().getPath();
      String relative = path.toUri().getPath().substring(prefix.length()).replaceFirst("^/", "");
      boolean hidden = List.of(relative.split("/")).stream().anyMatch(p -> p.startsWith("_") || p.startsWith("."));
      if (!hidden && format(spec, relative).isPresent()) {
        found.put(relative, path);
      }
    }
    if (found.isEmpty()) {
      throw new BenchmarkException(spec.name(), spec.path(), "", "no benchmark files in this folder (names ending "
          + ".jsonl, .json, .csv, .tsv, .txt or .parquet, gzipped or not)");
    }
    return found;
  }

  private static Optional<BenchmarkFormat> format(BenchmarkSpec spec, String name) {
    return spec.format().isEmpty() ? BenchmarkFormat.of(name) : Optional.of(BenchmarkFormat.named(spec.format()));
  }

  private static List<BenchmarkItem> parquet(SparkSession spark, BenchmarkSpec spec, BenchmarkReader reader,
      String name, Path path)
      throws IOException {
    BenchmarkReader.Records records = reader.records(name);
    List<BenchmarkItem> items = new ArrayList<>();
    List<Row> rows = spark.read().parquet(path.toString()).collectAsList();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode record = JSON.readTree(rows.get(i).json());
      items.addAll(records.items(record, "row " + (i + 1)));
    }
    if (items.isEmpty()) {
      throw new BenchmarkException(spec.name(), name, "", "has no rows");
    }
    return items;
  }
}

package org.corpuskit.jobs.stages.dedup;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.StageContext;
import org.corpuskit.jobs.pipeline.UsageException;

/**
 * A release's dedup index: the keys of the documents it kept ({@code schemas/dedup_index.json}), so that a later
 * batch is deduplicated against it without recomputing it. An index version is this release's part plus the
 * parts of the earlier versions it was run against, listed in {@code index/_parts.json}; giving the newest
 * version to {@code against} reads them all, and nothing is copied.
 */
final class DedupIndex {
  static final String PARTS = "_parts.json";
  static final Column[] COLUMNS = {functions.col("doc_id"), functions.col("crawl"), functions.col("exact_key"),
      functions.col("band_keys"), functions.col("shingles")};
  private static final ObjectMapper JSON = new ObjectMapper();

  private DedupIndex() {}

  /** Every part of the given index versions, as one dataset; null when there are none. */
  static Dataset<Row> read(SparkSession spark, List<String> versions) {
    if (versions.isEmpty()) {
      return null;
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> parts = new ArrayList<>(parts(versions, conf));
    // With the schema given, an index part of no rows reads back whatever wrote it.
    Dataset<Row> index = spark.read().schema(Schemas.load("dedup_index")).parquet(parts.toArray(String[]::new));
    Schemas.require("dedup.against", index, Schemas.load("dedup_index"));
    return index;
  }

  /** Writes this release's part, and the list of the earlier parts it was deduplicated against. */
  static void write(StageContext context, Dataset<Row> kept, List<String> against) {
    context.write(kept, "index");
    Configuration conf = context.spark().sparkContext().hadoopConfiguration();
    Path list = new Path(context.datasetPath("index"), PARTS);
    try (OutputStream out = list.getFileSystem(conf).create(list, true)) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(out, List.copyOf(parts(against, conf)));
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + list, e);
    }
  }

  /** The parts of the versions: each version's own folder and the parts its list names, each once. */
  private static Set<String> parts(List<String> versions, Configuration conf) {
    Set<String> parts = new LinkedHashSet<>();
    for (String version : versions) {
      Path dir = new Path(version);
      try {
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.isDirectory(dir)) {
          throw new UsageException("dedup.against " + version + ": no such index folder (OUT/dedup/index)");
        }
        String qualified = fs.makeQualified(dir).toString();
        Path list = new Path(dir, PARTS);
        if (fs.exists(list)) {
          try (InputStream in = fs.open(list)) {
            parts.addAll(JSON.readValue(in, new TypeReference<List<String>>() {}));
          }
        }
        parts.add(qualified);
      } catch (IOException e) {
        throw new UncheckedIOException("reading index " + version, e);
      }
    }
    return parts;
  }
}

package org.corpuskit.jobs.stages.tokenize;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.jobs.config.SourcesConfig.DocumentSet;
import org.corpuskit.jobs.pipeline.UsageException;

/**
 * Reads a clean document set (JSON lines or Parquet) as rows of {@code doc_id, source, url, text, malformed}:
 * a JSON line that does not parse is kept, with {@code malformed} true, so that it is counted as failed rather
 * than lost.
 */
public final class DocumentSets {
  private static final String CORRUPT = "_corrupt_record";

  private DocumentSets() {}

  /**
   * Fails, naming the set, when its path matches no file or only empty ones: checked before any stage runs.
   */
  public static void checkNotEmpty(DocumentSet set, Configuration conf) {
    Path path = new Path(set.path());
    try {
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      long bytes = 0;
      if (matches != null) {
        for (FileStatus match : matches) {
          bytes += fs.getContentSummary(match.getPath()).getLength();
        }
      }
      if (bytes == 0) {
        throw new UsageException("sources.sets." + set.name() + ": " + set.path() + (matches == null
            || matches.length == 0 ? " matches no file" : " holds no data") + "; an empty source cannot be mixed");
      }
    } catch (IOException e) {
      throw new UsageException("sources.sets." + set.name() + ": cannot read " + set.path() + ": " + e.getMessage());
    }
  }

  /** The set's documents, labelled with its name. */
  static Dataset<Row> read(SparkSession spark, DocumentSet set) {
    Dataset<Row> raw;
    Column malformed;
    if (set.format().equals("jsonl")) {
      StructType schema = new StructType().add(set.textField(), DataTypes.StringType, true);
      if (!set.idField().isEmpty()) {
        schema = schema.add(set.idField(), DataTypes.StringType, true);
      }
      raw = spark.read().schema(schema.add(CORRUPT, DataTypes.StringType, true))
          .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT).json(set.path());
      malformed = col(CORRUPT).isNotNull();
    } else {
      raw = spark.read().parquet(set.path());
      for (String field : set.idField().isEmpty() ? List.of(set.textField())
          : List.of(set.textField(), set.idField())) {
        if (!List.of(raw.schema().fieldNames()).contains(field)) {
          throw new UsageException("sources.sets." + set.name() + ": " + set.path() + " has no field " + field
              + "; its fields: " + String.join(", ", raw.schema().fieldNames()));
        }
      }
      malformed = lit(false);
    }
    Column text = col(set.textField()).cast(DataTypes.StringType);
    Column derived = substring(sha2(concat(lit(set.name() + "\n"), coalesce(text, lit(""))), 256), 1, 32);
    Column id = set.idField().isEmpty() ? derived : coalesce(col(set.idField()).cast(DataTypes.StringType), derived);
    return raw.select(id.as("doc_id"), lit(set.name()).as("source"), lit("").as("url"), text.as("text"),
        malformed.as("malformed"));
  }
}

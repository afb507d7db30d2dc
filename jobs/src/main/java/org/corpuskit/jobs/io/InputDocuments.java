package org.corpuskit.jobs.io;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.jobs.pipeline.UsageException;

/**
 * Documents made outside the pipeline, given to a stage run alone ({@code corpus filter --input DOCS}): Parquet
 * or JSON lines (gzip too), from a file or a folder, holding at least a {@code text} field. They are made to fit
 * the documents schema: a field of another type that converts (a DuckDB or pandas {@code timestamp_ntz}, a
 * {@code long} status) is converted, a missing field is empty ({@code ""}, 0, false; a missing fetch time is
 * null), and a missing {@code doc_id} is derived from the text (with {@code -2}, {@code -3}... for further
 * copies of the same text, so that every document keeps its own id). Other fields are kept after them.
 * Thread-safe: stateless.
 */
public final class InputDocuments {
  private static final String FORMATS = "documents are Parquet or JSON lines (.parquet, .jsonl, .json, "
      + ".ndjson, gzipped or not) with at least a text field";

  private InputDocuments() {}

  /** The documents at {@code path}, fitted to {@code schema} (the documents schema). */
  public static Dataset<Row> read(SparkSession spark, String path, StructType schema) {
    Dataset<Row> rows = switch (format(path, spark.sparkContext().hadoopConfiguration())) {
      case "parquet" -> spark.read().parquet(path);
      default -> spark.read().option("mode", "PERMISSIVE").json(path);
    };
    return conform(rows, schema, path);
  }

  /** {@code rows} fitted to {@code schema}, as {@link InputDocuments} says. */
  static Dataset<Row> conform(Dataset<Row> rows, StructType schema, String where) {
    List<String> present = Arrays.asList(rows.columns());
    if (!present.contains("text")) {
      throw new UsageException(where + ": no text field (fields: " + String.join(", ", present) + "); " + FORMATS);
    }
    if (!(rows.schema().apply("text").dataType() instanceof org.apache.spark.sql.types.StringType)) {
      throw new UsageException(where + ": text is " + rows.schema().apply("text").dataType().simpleString()
          + ", not text");
    }
    Dataset<Row> fitted = rows;
    if (!present.contains("doc_id")) {
      Column hash = concat(lit("text-"), substring(sha2(col("text"), 256), 1, 32));
      // Copies of one text are numbered in an order of their whole rows, so the same input numbers them alike.
      Column copy = row_number().over(Window.partitionBy(hash).orderBy(input_file_name(),
          sha2(to_json(struct(col("*"))), 256)));
      fitted = fitted.withColumn("doc_id", when(copy.equalTo(1), hash)
          .otherwise(concat(hash, lit("-"), copy.cast("string"))));
    }
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(fit(fitted, field).as(field.name()));
    }
    for (String other : fitted.columns()) {
      if (!List.of(schema.fieldNames()).contains(other)) {
        columns.add(col(other));
      }
    }
    return fitted.select(columns.toArray(Column[]::new));
  }

  private static Column fit(Dataset<Row> rows, StructField field) {
    DataType type = field.dataType();
    if (!List.of(rows.columns()).contains(field.name())) {
      return field.nullable() ? lit(null).cast(type) : empty(type);
    }
    Column value = col(field.name());
    if (!DataType.equalsIgnoreNullability(rows.schema().apply(field.name()).dataType(), type)) {
      // try_cast: a value that does not convert becomes empty rather than failing the stage under ANSI SQL.
      value = expr("try_cast(`" + field.name() + "` as " + type.sql() + ")");
    }
    return field.nullable() ? value : coalesce(value, empty(type));
  }

  private static Column empty(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return lit("");
    }
    if (type.equals(DataTypes.BooleanType)) {
      return lit(false);
    }
    return lit(0).cast(type);
  }

  /**
   * parquet or json, from the names of the files at {@code path}; a missing path, an empty folder or a file of
   * another kind is a usage error of one line naming it. Run before Spark starts for a local path.
   */
  public static String format(String path, Configuration conf) {
    Path root = new Path(path);
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new UsageException(path + ": no such file or folder");
      }
      List<String> names = new ArrayList<>();
      FileStatus status = fs.getFileStatus(root);
      if (status.isFile()) {
        names.add(root.getName());
      } else {
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
          String name = files.next().getPath().getName();
          if (!name.startsWith("_") && !name.startsWith(".")) {
            names.add(name);
          }
        }
      }
      if (names.isEmpty()) {
        throw new UsageException(path + ": an empty folder; " + FORMATS);
      }
      boolean parquet = names.stream().allMatch(n -> n.toLowerCase(Locale.ROOT).endsWith(".parquet"));
      boolean json = names.stream().allMatch(n -> n.toLowerCase(Locale.ROOT)
          .matches(".*\\.(jsonl|json|ndjson)(\\.gz)?"));
      if (parquet) {
        return "parquet";
      }
      if (json) {
        return "json";
      }
      String other = names.stream().filter(n -> !n.toLowerCase(Locale.ROOT).matches(".*\\.(parquet|jsonl|json"
          + "|ndjson)(\\.gz)?")).findFirst().orElse(names.get(0));
      throw new UsageException(path + ": " + other + " is neither Parquet nor JSON lines; " + FORMATS
          + " (archives go to corpus extract or corpus run)");
    } catch (IOException e) {
      throw new UsageException(path + ": cannot read it (" + e.getMessage() + ")");
    }
  }
}

package org.corpuskit.jobs.io;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.pipeline.UsageException;

/**
 * Reads a set of documents that are already text: JSON lines (gzip too), Parquet, or plain text with one
 * document per line, from a file or a folder of them, on any Hadoop file system. The format is told by the file
 * names ({@code .parquet}, {@code .txt}, else JSON lines). Gives the column {@code text}, and {@code id} as a
 * string when the input has one.
 */
public final class DocumentFiles {
  private DocumentFiles() {}

  /** The documents at {@code path}, their text from {@code textField} (JSON and Parquet). */
  public static Dataset<Row> read(SparkSession spark, String path, String textField) {
    String format = format(spark, path);
    Dataset<Row> rows = switch (format) {
      case "text" -> spark.read().text(path).withColumnRenamed("value", textField);
      case "parquet" -> spark.read().parquet(path);
      default -> spark.read().option("mode", "FAILFAST").json(path);
    };
    if (!Arrays.asList(rows.columns()).contains(textField)) {
      throw new UsageException(path + ": no field '" + textField + "' (fields: " + String.join(", ", rows.columns())
          + "); name the text field with --text-field");
    }
    Dataset<Row> texts = Arrays.asList(rows.columns()).contains("id") && !textField.equals("id")
        ? rows.select(col(textField).cast("string").as("text"), col("id").cast("string").as("id"))
        : rows.select(col(textField).cast("string").as("text"));
    return texts.filter(col("text").isNotNull());
  }

  private static String format(SparkSession spark, String path) {
    Path root = new Path(path);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        throw new UsageException(path + ": no such file or folder");
      }
      String name = root.getName();
      if (fs.getFileStatus(root).isDirectory()) {
        name = Arrays.stream(fs.listStatus(root)).filter(FileStatus::isFile).map(s -> s.getPath().getName())
            .filter(n -> !n.startsWith("_") && !n.startsWith(".")).findFirst()
            .orElseThrow(() -> new UsageException(path + ": an empty folder"));
      }
      String lower = name.toLowerCase(Locale.ROOT);
      return lower.endsWith(".parquet") ? "parquet" : lower.matches(".*\\.txt(\\.gz)?") ? "text" : "json";
    } catch (IOException e) {
      throw new UsageException(path + ": cannot read it (" + e.getMessage() + ")");
    }
  }
}

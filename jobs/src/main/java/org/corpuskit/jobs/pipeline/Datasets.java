package org.corpuskit.jobs.pipeline;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/** Reading a dataset a stage wrote, on any Hadoop file system, with the schema written beside it. */
public final class Datasets {
  private Datasets() {}

  /**
   * A dataset of this pipeline read with the schema it was written with. Spark cannot infer the schema of a
   * dataset with no rows when it was written in partitions (it leaves no data file), so an empty stage output
   * would otherwise fail the read; a dataset made elsewhere is read as Parquet.
   */
  public static Dataset<Row> read(SparkSession spark, String path) {
    return writtenSchema(spark, path).map(schema -> spark.read().schema(schema).parquet(path))
        .orElseGet(() -> spark.read().parquet(path));
  }

  /**
   * The schema a dataset of this pipeline was written with, read through the file system of its own path (a
   * stage run alone may read from another store than it writes to); empty for a dataset made elsewhere.
   */
  static Optional<StructType> writtenSchema(SparkSession spark, String path) {
    Path file = new Path(path, StageContext.SCHEMA_FILE);
    try (InputStream in = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(file)) {
      return Optional.of((StructType) DataType.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

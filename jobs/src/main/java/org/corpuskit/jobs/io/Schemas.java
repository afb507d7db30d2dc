package org.corpuskit.jobs.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.schemas.SchemaFiles;

/** The datasets' schemas as Spark types, and the check every stage makes of its input. Thread-safe. */
public final class Schemas {
  public static final StructType DOCUMENTS = load("documents");
  public static final StructType ERRORS = load("errors");
  public static final StructType REJECTED = load("rejected");
  public static final StructType FILE_SUMMARIES = load("file_summaries");
  public static final StructType WARC_RECORDS = load("warc_records");

  private Schemas() {}

  public static StructType load(String name) {
    return (StructType) DataType.fromJson(SchemaFiles.json(name));
  }

  /**
   * Fails before any work starts when {@code input} lacks a field of {@code required} or has it with another
   * type, naming every difference at once.
   */
  public static void require(String stage, Dataset<Row> input, StructType required) {
    StructType actual = input.schema();
    List<String> problems = new ArrayList<>();
    for (StructField field : required.fields()) {
      if (!List.of(actual.fieldNames()).contains(field.name())) {
        problems.add("missing " + field.name() + " " + field.dataType().simpleString());
        continue;
      }
      DataType actualType = actual.apply(field.name()).dataType();
      if (!DataType.equalsIgnoreNullability(actualType, field.dataType())) {
        problems.add(field.name() + " is " + actualType.simpleString() + ", expected "
            + field.dataType().simpleString());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(stage + ": input schema does not fit: " + String.join("; ", problems));
    }
  }
}

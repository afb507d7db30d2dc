package org.corpuskit.jobs.pipeline;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.config.Secrets;
import org.corpuskit.jobs.io.InputDocuments;
import org.corpuskit.jobs.io.InputFiles;
import org.corpuskit.jobs.io.Schemas;

/**
 * What a running stage sees: the session, the configuration, the pipeline's input files, the datasets of
 * earlier stages, and where to write its own. Not thread-safe; one per stage run.
 */
public final class StageContext {
  /** Beside each dataset: its schema as Spark JSON, so that a dataset without rows still reads back. */
  public static final String SCHEMA_FILE = "_schema.json";
  private final SparkSession spark;
  private final PipelineConfig config;
  private final InputFiles inputs;
  private final WorkDir workDir;
  private final Stage stage;
  private final Map<String, String> datasetPaths;

  StageContext(SparkSession spark, PipelineConfig config, InputFiles inputs, WorkDir workDir, Stage stage,
      Map<String, String> datasetPaths) {
    this.spark = spark;
    this.config = config;
    this.inputs = inputs;
    this.workDir = workDir;
    this.stage = stage;
    this.datasetPaths = datasetPaths;
  }

  public SparkSession spark() {
    return spark;
  }

  public PipelineConfig config() {
    return config;
  }

  /** The files the pipeline reads, for a stage whose {@link Stage#reads()} is empty. */
  public InputFiles inputs() {
    return inputs;
  }

  /**
   * A dataset the stage declared in its {@link StageSpec#reads()}, checked against the schema declared with it.
   * A dataset of this pipeline is read with the schema it was written with; documents made elsewhere and given
   * as the input of a stage run alone are read as {@link InputDocuments} (Parquet or JSON lines with a text
   * field), fitted to the documents schema.
   */
  public Dataset<Row> read(String ref) {
    String path = datasetPaths.get(ref);
    StageSpec.Input input = stage.spec().reads().stream().filter(i -> i.dataset().equals(ref)).findFirst()
        .orElse(null);
    if (path == null || input == null) {
      throw new IllegalArgumentException(stage.name() + " reads " + ref + " without declaring it");
    }
    Dataset<Row> data;
    if (Datasets.writtenSchema(spark, path).isPresent()) {
      data = Datasets.read(spark, path);
    } else if (input.schema().equals(Schemas.DOCUMENTS)) {
      data = InputDocuments.read(spark, path, input.schema());
    } else {
      data = spark.read().parquet(path);
    }
    try {
      Schemas.require(stage.name(), data, input.schema());
    } catch (IllegalArgumentException e) {
      // The input is the user's to fix: a dataset of the wrong stage given to a stage run alone.
      throw new UsageException(e.getMessage() + " (reading " + Secrets.scrub(path) + ", which should be such as "
          + "OUT/" + ref + ")");
    }
    return data;
  }

  /** Writes one of the stage's datasets as Parquet, replacing any earlier copy, named in the Spark UI. */
  /**
   * Parquet's row group, the unit a reader holds whole in memory, column by column: a task reading a row group
   * of documents holds its text column compressed and a page of it decompressed. Parquet's default of 128 MB made
   * that a task's largest allocation, and failed a 1 GB heap reading documents (MemoryBoundTest); 32 MB keeps
   * it well inside a task's share. {@code spark.hadoop.parquet.block.size} overrides it.
   */
  static final String ROW_GROUP = "parquet.block.size";
  static final long ROW_GROUP_BYTES = 32L << 20;

  public void write(Dataset<Row> data, String dataset) {
    write(data, dataset, "parquet");
  }

  /**
   * Writes one of the stage's datasets in {@code format} (parquet, or json for datasets people read), in one
   * folder per value of the {@code partitionBy} columns.
   */
  public void write(Dataset<Row> data, String dataset, String format, String... partitionBy) {
    write(data, dataset, format, Map.of(), partitionBy);
  }

  /** Writes one of the stage's datasets with writer {@code options}, such as a compression codec. */
  public void write(Dataset<Row> data, String dataset, String format, Map<String, String> options,
      String... partitionBy) {
    if (!stage.writes().contains(dataset)) {
      throw new IllegalArgumentException(stage.name() + " writes " + dataset + " without declaring it");
    }
    spark.sparkContext().setJobDescription(stage.name() + ": write " + dataset);
    String path = workDir.path(stage.name(), dataset);
    Map<String, String> all = new java.util.HashMap<>(options);
    if (format.equals("parquet") && spark.sparkContext().hadoopConfiguration().get(ROW_GROUP) == null) {
      all.putIfAbsent(ROW_GROUP, String.valueOf(ROW_GROUP_BYTES));
    }
    data.write().mode(SaveMode.Overwrite).format(format).options(all).partitionBy(partitionBy).save(path);
    workDir.writeAbsolute(path + "/" + SCHEMA_FILE, readBackSchema(data.schema(), partitionBy).prettyJson());
    spark.sparkContext().setJobDescription(null);
  }

  /** Where one of the stage's datasets is written, for a file kept beside its data. */
  public String datasetPath(String dataset) {
    if (!stage.writes().contains(dataset)) {
      throw new IllegalArgumentException(stage.name() + " writes " + dataset + " without declaring it");
    }
    return workDir.path(stage.name(), dataset);
  }

  /**
   * Writes a small text file beside the stage's datasets, {@code OUT/<stage>/<name>}, such as a report; it goes
   * with the stage's output when the stage reruns.
   */
  public void writeFile(String name, String text) {
    workDir.write(stage.name() + "/" + name, text);
  }

  /** A dataset this stage has written, read back: counts are taken from it, not from the plan that made it. */
  public Dataset<Row> written(String dataset) {
    spark.sparkContext().setJobDescription(stage.name() + ": count " + dataset);
    return Datasets.read(spark, workDir.path(stage.name(), dataset));
  }

  /** The schema Spark reads back: partition columns move to the end. */
  private static StructType readBackSchema(StructType written, String... partitionBy) {
    List<String> partitions = Arrays.asList(partitionBy);
    StructType schema = new StructType();
    for (StructField field : written.fields()) {
      if (!partitions.contains(field.name())) {
        schema = schema.add(field);
      }
    }
    for (String partition : partitions) {
      schema = schema.add(written.apply(partition));
    }
    return schema;
  }
}

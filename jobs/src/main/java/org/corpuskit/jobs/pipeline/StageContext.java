package org.corpuskit.jobs.pipeline;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.InputFiles;

/**
 * What a running stage sees: the session, the configuration, the pipeline's input files, the datasets of
 * earlier stages, and where to write its own. Not thread-safe; one per stage run.
 */
public final class StageContext {
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

  /** A dataset of an earlier stage, {@code stage/dataset}, one the stage declared in {@link Stage#reads()}. */
  public Dataset<Row> read(String ref) {
    String path = datasetPaths.get(ref);
    if (path == null) {
      throw new IllegalArgumentException(stage.name() + " reads " + ref + " without declaring it");
    }
    return spark.read().parquet(path);
  }

  /** Writes one of the stage's datasets as Parquet, replacing any earlier copy, named in the Spark UI. */
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
    data.write().mode(SaveMode.Overwrite).format(format).options(options).partitionBy(partitionBy)
        .save(workDir.path(stage.name(), dataset));
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
    return spark.read().parquet(workDir.path(stage.name(), dataset));
  }
}

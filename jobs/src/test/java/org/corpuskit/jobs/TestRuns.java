package org.corpuskit.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.config.ConfigLoader;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.InputFiles;
import org.corpuskit.jobs.io.Inputs;
import org.corpuskit.jobs.pipeline.Lineage;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.StageRun;
import org.corpuskit.jobs.pipeline.WorkDir;

/** Runs a pipeline in the tests' shared session, as the CLI does, writing run.json but printing nothing. */
public final class TestRuns {
  private TestRuns() {}

  /** The defaults with source test-source, reading {@code inputs}, changed by {@code sets} as --set would. */
  public static PipelineConfig config(List<String> inputs, String... sets) {
    List<String> overrides = new ArrayList<>(List.of("extract.source=test-source"));
    overrides.addAll(List.of(sets));
    PipelineConfig config = ConfigLoader.load(null, overrides);
    return config.withInput(config.input().reading(inputs));
  }

  public static List<StageRun> run(SparkSession spark, Pipeline pipeline, PipelineConfig config, String out,
      Pipeline.Range range) {
    InputFiles inputs = Inputs.resolve(config.input().paths(), config.input().ccBase(), config.input().maxFiles(),
        spark.sparkContext().hadoopConfiguration());
    WorkDir workDir = WorkDir.open(out, config.input().paths(), false, spark.sparkContext().hadoopConfiguration());
    Lineage lineage = new Lineage(workDir, spark, config, inputs, "test");
    return pipeline.run(new Pipeline.Run(spark, config, inputs, workDir, range, "test"), lineage::stages);
  }

  /** Runs {@code pipeline} on datasets made elsewhere, by {@code stage/dataset}, as {@code corpus dedup} does. */
  public static List<StageRun> runOn(SparkSession spark, Pipeline pipeline, PipelineConfig config, String out,
      Map<String, String> external) {
    InputFiles inputs = Inputs.resolve(config.input().paths(), config.input().ccBase(), config.input().maxFiles(),
        spark.sparkContext().hadoopConfiguration());
    WorkDir workDir = WorkDir.open(out, config.input().paths(), false, spark.sparkContext().hadoopConfiguration());
    return pipeline.run(new Pipeline.Run(spark, config, inputs, workDir, Pipeline.Range.ALL, "test", external),
        stages -> { });
  }

  public static List<StageRun> run(SparkSession spark, Pipeline pipeline, PipelineConfig config, String out) {
    return run(spark, pipeline, config, out, Pipeline.Range.ALL);
  }
}

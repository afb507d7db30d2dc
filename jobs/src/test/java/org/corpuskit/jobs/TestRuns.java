package org.corpuskit.jobs;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.config.ExtractConfig;
import org.corpuskit.jobs.config.InputConfig;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.config.SparkSettings;
import org.corpuskit.jobs.io.InputFiles;
import org.corpuskit.jobs.io.Inputs;
import org.corpuskit.jobs.pipeline.Lineage;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.StageRun;
import org.corpuskit.jobs.pipeline.WorkDir;

/** Runs a pipeline in the tests' shared session, as the CLI does, writing run.json but printing nothing. */
public final class TestRuns {
  private TestRuns() {}

  public static PipelineConfig config(List<String> inputs, String ccBase) {
    return new PipelineConfig(SparkSettings.DEFAULTS, new InputConfig(inputs, "", "warc", ccBase, 0),
        new ExtractConfig("test-source", 8, 1024, 512));
  }

  public static PipelineConfig config(List<String> inputs) {
    return config(inputs, Inputs.COMMON_CRAWL_BASE);
  }

  public static List<StageRun> run(SparkSession spark, Pipeline pipeline, PipelineConfig config, String out,
      Pipeline.Range range) {
    InputFiles inputs = Inputs.resolve(config.input().paths(), config.input().ccBase(), config.input().maxFiles(),
        spark.sparkContext().hadoopConfiguration());
    WorkDir workDir = WorkDir.open(out, config.input().paths(), false, spark.sparkContext().hadoopConfiguration());
    Lineage lineage = new Lineage(workDir, spark, config, inputs, "test");
    return pipeline.run(new Pipeline.Run(spark, config, inputs, workDir, range, "test"), lineage::stages);
  }

  public static List<StageRun> run(SparkSession spark, Pipeline pipeline, PipelineConfig config, String out) {
    return run(spark, pipeline, config, out, Pipeline.Range.ALL);
  }
}

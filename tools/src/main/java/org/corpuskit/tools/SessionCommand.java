package org.corpuskit.tools;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.cli.ConfigOptions;
import org.corpuskit.jobs.cli.PipelineLauncher;
import org.corpuskit.jobs.config.PipelineConfig;
import picocli.CommandLine.Mixin;

/** A tool that works in one Spark session, under the configuration its --config and --set options give. */
abstract class SessionCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions config;

  @Override
  public final Integer call() throws IOException {
    PipelineConfig pipeline = config.load(List.of());
    return PipelineLauncher.inSession(pipeline, spark -> run(spark, pipeline));
  }

  /** The tool's work; returns the exit status. */
  abstract int run(SparkSession spark, PipelineConfig pipeline) throws IOException;
}

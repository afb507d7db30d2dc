package org.corpuskit.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.config.Secrets;
import org.corpuskit.jobs.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code corpus report OUT}: draws a run's report.html, and its figures in report.json, again from its outputs. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Writes OUT/report.html from a run's outputs: funnel, time, rejections with examples, "
        + "languages, lengths, quality signals with thresholds, duplicate clusters, contamination, mixture, tokens; "
        + "and OUT/report.json, the same figures for notebooks.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "OUT", description = "A run's --out.")
  String run;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() throws java.io.IOException {
    return PipelineLauncher.inSession(config.load(List.of()), spark -> {
      System.out.println("report: " + Secrets.scrub(RunReport.write(spark, run)));
      return 0;
    });
  }
}

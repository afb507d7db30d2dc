package org.corpuskit.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs every stage of the pipeline into a work directory, resuming after the last stage "
        + "completed there.", "With no --input or --crawl it runs on the embedded sample crawl, written under "
        + "OUT/sample."})
final class RunCommand implements Callable<Integer> {
  @Mixin
  ArchiveInputOptions input;

  @Spec
  CommandSpec spec;

  @Mixin
  RangeOptions range;

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    return PipelineLauncher.launch(Stages.all(), config.load(input.assignments(Shorthand.assignments(spec))), output, range.range(),
        PipelineLauncher.WithoutInput.SAMPLE);
  }
}

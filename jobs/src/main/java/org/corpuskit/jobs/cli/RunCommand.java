package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs every stage of the pipeline into a work directory, resuming after the last stage "
        + "completed there.", "With no --input or --crawl it runs on the embedded sample crawl, written under "
        + "OUT/sample."})
final class RunCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "PATH",
      description = "Archive files, directories, globs or path listings (repeatable); input.paths.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--crawl", paramLabel = "CC-MAIN-YYYY-WW",
      description = "A Common Crawl crawl, or latest for the newest: reads its warc.paths.gz; input.crawl.")
  String crawl;

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
    List<String> sets = new ArrayList<>(InputArguments.assignments(inputs, crawl));
    sets.addAll(Shorthand.assignments(spec));
    return PipelineLauncher.launch(Stages.all(), config.load(sets), output, range.range(),
        PipelineLauncher.WithoutInput.SAMPLE);
  }
}

package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.stages.extract.ExtractStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Stage extract alone: archives to OUT/extract/{documents,rejected,errors,file_summaries}.")
final class ExtractCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "PATH", required = true,
      description = "Archive files, directories, globs or path listings (repeatable).")
  List<String> inputs;

  @Mixin
  ExtractOptions extract;

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    List<String> sets = new ArrayList<>(extract.assignments());
    sets.addAll(InputArguments.assignments(inputs, null));
    return PipelineLauncher.launch(new Pipeline(List.of(new ExtractStage())), config.load(sets), output,
        Pipeline.Range.ALL, PipelineLauncher.WithoutInput.REFUSE);
  }
}

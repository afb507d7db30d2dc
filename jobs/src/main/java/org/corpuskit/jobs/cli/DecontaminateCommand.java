package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.stages.decontaminate.DecontaminateStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "decontaminate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Stage decontaminate alone: documents (such as OUT/dedup/documents, or any Parquet with the "
        + "documents schema) to OUT/decontaminate/{documents,rejected,matches,common_ngrams,report.json}.")
final class DecontaminateCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DOCS", required = true, description = "The documents dataset.")
  String input;

  @Mixin
  BenchmarkOptions benchmarks;

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    List<String> sets = new ArrayList<>(InputArguments.assignments(List.of(input), null));
    sets.addAll(benchmarks.assignments());
    return PipelineLauncher.launchAlone(new DecontaminateStage(), config.load(sets), output);
  }
}

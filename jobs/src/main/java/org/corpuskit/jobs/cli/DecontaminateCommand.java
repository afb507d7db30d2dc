package org.corpuskit.jobs.cli;

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
    return PipelineLauncher.launchAlone(new DecontaminateStage(), input, benchmarks.assignments(), config, output);
  }
}

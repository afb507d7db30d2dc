package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.stages.tokenize.TokenizeStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tokenize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Stage tokenize alone: documents (such as OUT/decontaminate/documents, or any Parquet with the "
        + "documents schema) and the clean document sets, labelled with their sources, to "
        + "OUT/tokenize/{documents,rejected,failed}.")
final class TokenizeCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DOCS", required = true, description = "The documents dataset.")
  String input;

  @Mixin
  TrainingOptions training;

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    List<String> sets = new ArrayList<>(InputArguments.assignments(List.of(input), null));
    sets.addAll(training.assignments());
    return PipelineLauncher.launchAlone(new TokenizeStage(), config.load(sets), output);
  }
}

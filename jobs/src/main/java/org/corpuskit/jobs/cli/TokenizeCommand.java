package org.corpuskit.jobs.cli;

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
    return PipelineLauncher.launchAlone(new TokenizeStage(), input, training.assignments(), config, output);
  }
}

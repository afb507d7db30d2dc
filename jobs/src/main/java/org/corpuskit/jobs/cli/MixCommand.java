package org.corpuskit.jobs.cli;

import java.util.concurrent.Callable;
import org.corpuskit.jobs.stages.mix.MixStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "mix", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Stage mix alone: tokenized documents (such as OUT/tokenize/documents) to the documents of the "
        + "training set with their copies, OUT/mix/{documents,rejected,report.json}.")
final class MixCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DOCS", required = true, description = "The tokenized documents dataset.")
  String input;

  @Mixin
  MixOptions mix;

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    return PipelineLauncher.launchAlone(new MixStage(), input, mix.assignments(), config, output);
  }
}

package org.corpuskit.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.stages.filter.FilterStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "filter", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Stage filter alone: documents (such as OUT/extract/documents, or any Parquet with the "
        + "documents schema) to OUT/filter/{documents,rejected,samples}.")
final class FilterCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DOCS", required = true, description = "The documents dataset.")
  String input;

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    return PipelineLauncher.launchAlone(new FilterStage(), input, List.of(), config, output);
  }
}

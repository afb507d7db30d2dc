package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.stages.pack.PackStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pack", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Stage pack alone: mixed documents (such as OUT/mix/documents) to training sequences in "
        + "OUT/pack/shards/, with OUT/pack/manifest.json.")
final class PackCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DOCS", required = true, description = "The mixed documents dataset.")
  String input;

  @Mixin
  TokenizerOption tokenizer;

  @Mixin
  PackOptions pack;

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    List<String> sets = new ArrayList<>(tokenizer.assignments());
    sets.addAll(pack.assignments());
    return PipelineLauncher.launchAlone(new PackStage(), input, sets, config, output);
  }
}

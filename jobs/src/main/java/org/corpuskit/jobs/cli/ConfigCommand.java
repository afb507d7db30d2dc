package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.config.ConfigDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"Prints the effective configuration as YAML, every key with its description and default.",
        "Takes the same --config, --set and shorthand options as run; the output is a valid --config file."})
final class ConfigCommand implements Callable<Integer> {
  @Option(names = "--markdown", description = "Print the reference of every key as Markdown (docs/configuration.md).")
  boolean markdown;

  @Mixin
  ExtractOptions extract;

  @Mixin
  BenchmarkOptions benchmarks;

  @Mixin
  TokenizeOptions tokenize;

  @Mixin
  TokenizerOption tokenizer;

  @Mixin
  MixOptions mix;

  @Mixin
  PackOptions pack;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    List<String> sets = new ArrayList<>(extract.assignments());
    sets.addAll(benchmarks.assignments());
    sets.addAll(tokenize.assignments());
    sets.addAll(tokenizer.assignments());
    sets.addAll(mix.assignments());
    sets.addAll(pack.assignments());
    System.out.print(markdown ? ConfigDocs.markdown() : ConfigDocs.yaml(config.load(sets)));
    return 0;
  }
}

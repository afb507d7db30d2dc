package org.corpuskit.jobs.cli;

import java.util.concurrent.Callable;
import org.corpuskit.jobs.config.ConfigDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"Prints the effective configuration as YAML, every key with its description and default.",
        "Takes the same --config, --set and shorthand options as run; the output is a valid --config file."})
final class ConfigCommand implements Callable<Integer> {
  @Option(names = "--markdown", description = "Print the reference of every key as Markdown (docs/configuration.md).")
  boolean markdown;

  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    System.out.print(markdown ? ConfigDocs.markdown() : ConfigDocs.yaml(config.load(Shorthand.assignments(spec))));
    return 0;
  }
}

package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Shorthands for the mix stage. */
final class MixOptions implements Shorthands {
  @Option(names = "--temperature", paramLabel = "T", description = "Shorthand for mix.temperature.")
  Double temperature;

  @Option(names = "--target-tokens", paramLabel = "N", description = "Shorthand for mix.target_tokens.")
  Long targetTokens;

  /** The options as {@code --set} assignments. */
  @Override
  public List<String> assignments() {
    List<String> sets = new ArrayList<>();
    ConfigOptions.shorthand(sets, "mix.temperature", temperature);
    ConfigOptions.shorthand(sets, "mix.target_tokens", targetTokens);
    return sets;
  }
}

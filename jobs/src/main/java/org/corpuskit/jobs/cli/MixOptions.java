package org.corpuskit.jobs.cli;

import picocli.CommandLine.Option;

/** Shorthands for the mix stage. */
final class MixOptions implements Shorthands {
  @Option(names = "--temperature", paramLabel = "T", description = "Shorthand for mix.temperature.")
  @Key("mix.temperature")
  Double temperature;

  @Option(names = "--target-tokens", paramLabel = "N", description = "Shorthand for mix.target_tokens.")
  @Key("mix.target_tokens")
  Long targetTokens;
}

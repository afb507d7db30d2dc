package org.corpuskit.jobs.cli;

import picocli.CommandLine.Option;

/** Shorthands for the keys of reading archives, for the commands that run the extract stage. */
final class ExtractOptions implements Shorthands {
  @Option(names = "--source", paramLabel = "LABEL", description = "Shorthand for extract.source.")
  @Key("extract.source")
  String source;

  @Option(names = "--cc-base", paramLabel = "URI", description = "Shorthand for input.cc_base.")
  @Key("input.cc_base")
  String ccBase;

  @Option(names = "--max-files", paramLabel = "N", description = "Shorthand for input.max_files.")
  @Key("input.max_files")
  Integer maxFiles;

  @Option(names = "--max-payload-mb", paramLabel = "MB", description = "Shorthand for extract.max_payload_mb.")
  @Key("extract.max_payload_mb")
  Integer maxPayloadMb;

  @Option(names = "--max-depth", paramLabel = "N", description = "Shorthand for extract.max_depth.")
  @Key("extract.max_depth")
  Integer maxDepth;
}

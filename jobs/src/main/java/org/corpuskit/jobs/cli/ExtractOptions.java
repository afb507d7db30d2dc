package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Shorthands for the keys of reading archives, for the commands that run the extract stage. */
final class ExtractOptions implements Shorthands {
  @Option(names = "--source", paramLabel = "LABEL", description = "Shorthand for extract.source.")
  String source;

  @Option(names = "--cc-base", paramLabel = "URI", description = "Shorthand for input.cc_base.")
  String ccBase;

  @Option(names = "--max-files", paramLabel = "N", description = "Shorthand for input.max_files.")
  Integer maxFiles;

  @Option(names = "--max-payload-mb", paramLabel = "MB", description = "Shorthand for extract.max_payload_mb.")
  Integer maxPayloadMb;

  @Option(names = "--max-depth", paramLabel = "N", description = "Shorthand for extract.max_depth.")
  Integer maxDepth;

  /** The options as {@code --set} assignments. */
  @Override
  public List<String> assignments() {
    List<String> sets = new ArrayList<>();
    ConfigOptions.shorthand(sets, "extract.source", source);
    ConfigOptions.shorthand(sets, "input.cc_base", ccBase);
    ConfigOptions.shorthand(sets, "input.max_files", maxFiles);
    ConfigOptions.shorthand(sets, "extract.max_payload_mb", maxPayloadMb);
    ConfigOptions.shorthand(sets, "extract.max_depth", maxDepth);
    return sets;
  }
}

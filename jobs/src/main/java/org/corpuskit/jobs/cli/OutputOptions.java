package org.corpuskit.jobs.cli;

import picocli.CommandLine.Option;

/** Where a pipeline command writes, and which of its stages it runs. */
final class OutputOptions {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
      description = "Work directory: OUT/<stage>/<dataset>/, run.json, stats.json (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--overwrite",
      description = "Write into a non-empty directory that holds no earlier run (nothing else in it is deleted).")
  boolean overwrite;

  @Option(names = "--from", paramLabel = "STAGE",
      description = "Rerun from this stage on, even where earlier output is up to date.")
  String from;

  @Option(names = "--to", paramLabel = "STAGE", description = "Stop after this stage.")
  String to;
}

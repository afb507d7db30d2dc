package org.corpuskit.jobs.cli;

import picocli.CommandLine.Option;

/** Where a pipeline command writes. */
public final class OutputOptions {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
      description = "Work directory: OUT/<stage>/<dataset>/, run.json, stats.json (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--overwrite",
      description = "Write into a non-empty directory that holds no earlier run (nothing else in it is deleted).")
  boolean overwrite;

  /** For picocli, which fills the fields from the command line. */
  public OutputOptions() {}

  /** Options made by a program rather than a command line. */
  public OutputOptions(String out, boolean overwrite) {
    this.out = out;
    this.overwrite = overwrite;
  }
}

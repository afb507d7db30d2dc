package org.corpuskit.jobs.cli;

import org.corpuskit.jobs.pipeline.Pipeline;
import picocli.CommandLine.Option;

/** Which stages of the pipeline a run runs: for {@code corpus run}, the one command with several. */
final class RangeOptions {
  @Option(names = "--from", paramLabel = "STAGE",
      description = "Rerun from this stage on, even where earlier output is up to date.")
  String from;

  @Option(names = "--to", paramLabel = "STAGE", description = "Stop after this stage.")
  String to;

  Pipeline.Range range() {
    return new Pipeline.Range(from, to);
  }
}

package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The archives a whole pipeline reads: {@code --input} and {@code --crawl}, of run and refresh. */
final class ArchiveInputOptions {
  @Option(names = "--input", paramLabel = "PATH",
      description = "Archive files, directories, globs or path listings (repeatable); input.paths.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--crawl", paramLabel = "CC-MAIN-YYYY-WW",
      description = "A Common Crawl crawl, or latest for the newest: reads its warc.paths.gz; input.crawl.")
  String crawl;

  /** Whether neither option was given. */
  boolean isEmpty() {
    return inputs.isEmpty() && crawl == null;
  }

  /** The options as configuration assignments, with a command's own after them. */
  List<String> assignments(List<String> more) {
    List<String> sets = new ArrayList<>(InputArguments.assignments(inputs, crawl));
    sets.addAll(more);
    return sets;
  }
}

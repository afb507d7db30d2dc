package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The dedup stage's shorthand: the indexes of earlier releases. */
final class DedupOptions implements Shorthands {
  @Option(names = "--against", paramLabel = "INDEX", split = ",",
      description = "Index folders of earlier releases (their OUT/dedup/index) to deduplicate against; this run's "
          + "index then lists them as its earlier parts. Same as --set dedup.against=[...].")
  @Key("dedup.against")
  List<String> against = new ArrayList<>();
}

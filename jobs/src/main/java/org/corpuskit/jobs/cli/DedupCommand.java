package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.stages.dedup.DedupStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dedup", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Stage dedup alone: documents (such as OUT/filter/documents, or any Parquet with the documents "
        + "schema) to OUT/dedup/{documents,rejected,clusters,cluster_sizes,index,removed_lines}.")
final class DedupCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DOCS", required = true, description = "The documents dataset.")
  String input;

  @Option(names = "--against", paramLabel = "INDEX", split = ",",
      description = "Index folders of earlier releases (their OUT/dedup/index) to deduplicate against; this run's "
          + "index then lists them as its earlier parts. Same as --set dedup.against=[...].")
  List<String> against = new ArrayList<>();

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    List<String> sets = against.isEmpty() ? List.of()
        : List.of("dedup.against=[" + String.join(", ", against.stream().map(ConfigOptions::quoted).toList()) + "]");
    return PipelineLauncher.launchAlone(new DedupStage(), input, sets, config, output);
  }
}

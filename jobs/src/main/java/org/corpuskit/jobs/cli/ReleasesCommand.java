package org.corpuskit.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.config.Secrets;
import org.corpuskit.jobs.io.HadoopConf;
import org.corpuskit.jobs.pipeline.Release;
import org.corpuskit.jobs.pipeline.Releases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code corpus releases DIR}: the releases {@code corpus refresh} wrote, without starting Spark. */
@Command(name = "releases", mixinStandardHelpOptions = true,
    description = "Lists the releases in a directory that corpus refresh writes: crawls, input files, documents "
        + "and tokens of each, and the unfinished one.")
final class ReleasesCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "The directory given to corpus refresh as --releases.")
  String dir;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    PipelineConfig loaded = config.load(List.of());
    Releases releases = Releases.at(dir, HadoopConf.of(loaded.spark().conf()));
    List<Release> finished = releases.finished();
    System.out.printf("%-14s %-20s %-32s %7s %11s %14s  %s%n", "release", "finished", "crawls", "files",
        "documents", "tokens", "builds on");
    for (Release r : finished) {
      System.out.printf("%-14s %-20s %-32s %,7d %,11d %,14d  %s%n", r.name(), r.created().substring(0, 19),
          r.crawls().isEmpty() ? "-" : String.join(",", r.crawls()), r.inputFiles(), r.documents(), r.tokens(),
          r.buildsOn().isEmpty() ? "-" : String.join(", ", r.buildsOn()));
    }
    releases.unfinished(finished).forEach(d -> System.out.println(new org.apache.hadoop.fs.Path(d).getName()
        + "  unfinished: corpus refresh with the same input finishes it"));
    System.out.printf("%d finished releases in %s: %,d documents, %,d tokens%n", finished.size(),
        Secrets.scrub(releases.root()), finished.stream().mapToLong(Release::documents).sum(),
        finished.stream().mapToLong(Release::tokens).sum());
    return 0;
  }
}

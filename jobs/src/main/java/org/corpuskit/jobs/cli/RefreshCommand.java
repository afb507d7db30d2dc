package org.corpuskit.jobs.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.config.InputConfig;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.config.Secrets;
import org.corpuskit.jobs.io.HadoopConf;
import org.corpuskit.jobs.io.Inputs;
import org.corpuskit.jobs.pipeline.CodeVersion;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.Release;
import org.corpuskit.jobs.pipeline.ReleaseLock;
import org.corpuskit.jobs.pipeline.Releases;
import org.corpuskit.jobs.pipeline.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpus refresh}: the next release of a corpus made of crawls as they appear. The release reads the
 * input files no finished release read, is deduplicated against every earlier release's index, and is a whole
 * run of the pipeline in its own folder; its release.json, written last, finishes it. A refresh after a failure
 * resumes the unfinished release; one with nothing new writes nothing; one while another runs is refused.
 */
@Command(name = "refresh", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes the next release of a corpus into RELEASES/release-NNNNN: the pipeline run on the input "
        + "files no earlier release read, deduplicated against every earlier release.",
        "Run it again when a new crawl appears; after a failure, run it again to finish the release."})
final class RefreshCommand implements Callable<Integer> {
  @Option(names = "--releases", paramLabel = "DIR", required = true,
      description = "Directory of the releases, on any Hadoop file system; created by the first refresh.")
  String releases;

  @Mixin
  ArchiveInputOptions input;

  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() throws java.io.IOException {
    if (input.isEmpty()) {
      throw new UsageException("give --crawl or --input: the archives a new release is made of");
    }
    PipelineConfig loaded = PipelineLauncher.withLatestCrawl(config.load(input.assignments(
        Shorthand.assignments(spec))));
    return PipelineLauncher.inSession(loaded, spark -> refresh(spark, loaded));
  }

  private int refresh(SparkSession spark, PipelineConfig config) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    HadoopConf.commonCrawlRegion(conf);
    Releases all = Releases.at(releases, conf);
    try (ReleaseLock lock = ReleaseLock.take(all, "corpus refresh")) {
      List<Release> earlier = all.finished();
      Set<String> released = all.released(earlier);
      InputConfig input = config.input();
      List<String> files = Inputs.resolve(PipelineLauncher.inputSpecs(input), input.ccBase(), 0, conf).paths();
      if (files.isEmpty()) {
        throw new UsageException("the input names no archive files: nothing to make a release of");
      }
      List<String> unreleased = files.stream().filter(f -> !released.contains(Releases.key(f))).toList();
      List<String> fresh = input.maxFiles() > 0 && unreleased.size() > input.maxFiles()
          ? unreleased.subList(0, input.maxFiles()) : unreleased;
      int number = Releases.next(earlier);
      if (fresh.isEmpty()) {
        System.out.printf("refresh: nothing new: all %,d input files are in %s already; nothing was written%n",
            files.size(), earlier.size() == 1 ? earlier.get(0).name() : "releases " + earlier.get(0).name()
                + " to " + earlier.get(earlier.size() - 1).name());
        return 0;
      }
      String dir = all.dir(number);
      String name = new org.apache.hadoop.fs.Path(dir).getName();
      Optional<String> before = all.writeListing(number, fresh);
      String state = before.isEmpty() ? "" : before.get().equals(String.join("\n", fresh) + "\n") ? ", resumed"
          : ", begun again: its unfinished run had other input files";
      System.out.printf("refresh: %s%s: %,d new input files (of %,d; %,d in earlier releases%s), deduplicated "
          + "against %s%n", name, state, fresh.size(), files.size(), files.size() - unreleased.size(),
          unreleased.size() > fresh.size() ? "; " + String.format("%,d", unreleased.size() - fresh.size())
              + " left for later releases" : "",
          earlier.isEmpty() ? "no earlier release" : String.join(", ", earlier.stream().map(Release::name).toList()));
      String listing = all.listing(number);
      PipelineConfig release = config
          .withInput(input.reading(List.of(listing)))
          .withDedup(config.dedup().withAgainst(earlier.stream().map(Release::dedupIndex).toList()));
      PipelineLauncher.launch(Stages.all(), release, new OutputOptions(dir, true), Pipeline.Range.ALL,
          PipelineLauncher.WithoutInput.REFUSE);
      Release done = all.finish(number, earlier, CodeVersion.current());
      System.out.printf("refresh: %s finished: %,d documents, %,d tokens in %,d sequences, in %s%n", done.name(),
          done.documents(), done.tokens(), done.sequences(), Secrets.scrub(dir));
      return 0;
    }
  }
}

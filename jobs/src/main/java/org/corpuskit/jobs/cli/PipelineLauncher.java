package org.corpuskit.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.config.ConfigDocs;
import org.corpuskit.jobs.config.InputConfig;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.config.Secrets;
import org.corpuskit.jobs.config.SparkSettings;
import org.corpuskit.jobs.io.CrawlList;
import org.corpuskit.jobs.io.HadoopConf;
import org.corpuskit.jobs.io.InputDocuments;
import org.corpuskit.jobs.io.InputFiles;
import org.corpuskit.jobs.io.Inputs;
import org.corpuskit.jobs.pipeline.CodeVersion;
import org.corpuskit.jobs.pipeline.CountsException;
import org.corpuskit.jobs.pipeline.Funnel;
import org.corpuskit.jobs.pipeline.Lineage;
import org.corpuskit.jobs.pipeline.Messages;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.Preflight;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.pipeline.StageContext;
import org.corpuskit.jobs.pipeline.StageFailedException;
import org.corpuskit.jobs.pipeline.StageRun;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.jobs.pipeline.WorkDir;
import org.corpuskit.jobs.report.RunReport;
import org.corpuskit.jobs.stages.pack.PackStage;
import org.corpuskit.jobs.stages.pack.Verify;
import org.corpuskit.sample.SampleCrawl;

/**
 * Runs a pipeline from a command: checks the configuration, the stage range and the work directory before
 * Spark starts, then runs the stages and writes run.json, config.yaml and stats.json beside their output.
 */
public final class PipelineLauncher {
  private PipelineLauncher() {}

  /** What a pipeline does without input files. */
  enum WithoutInput {
    /** Runs on the embedded sample: {@code corpus run}. */
    SAMPLE,
    /** Refuses to run: the stages read archives. */
    REFUSE,
    /** Runs: the stages read only files the configuration names, such as clean document sets. */
    RUN
  }

  /** Runs the stages {@code range} of {@code pipeline}; with no input configured, as {@code withoutInput} says. */
  static int launch(Pipeline pipeline, PipelineConfig config, OutputOptions output, Pipeline.Range range,
      WithoutInput withoutInput) {
    return launch(pipeline, config, output, range, withoutInput, null);
  }

  /**
   * Runs {@code pipeline} on a dataset made elsewhere: the input is the dataset {@code providedRef} (such as
   * {@code extract/documents}) that its first stage reads.
   */
  static int launchOn(Pipeline pipeline, PipelineConfig config, OutputOptions output, String providedRef) {
    return launch(pipeline, config, output, Pipeline.Range.ALL, WithoutInput.REFUSE, providedRef);
  }

  /**
   * Runs {@code stage} alone on the dataset {@code input}, with {@code assignments} (a command's shorthands) over
   * the configuration of {@code config}.
   */
  static int launchAlone(Stage stage, String input, List<String> assignments, ConfigOptions config,
      OutputOptions output) {
    List<String> sets = new ArrayList<>(InputArguments.assignments(List.of(input), null));
    sets.addAll(assignments);
    return launchAlone(stage, config.load(sets), output);
  }

  public static int launchAlone(Stage stage, PipelineConfig config, OutputOptions output) {
    String reads = stage.reads().get(0);
    return launchOn(new Pipeline(List.of(stage), Set.of(reads)), config, output, reads);
  }

  private static int launch(Pipeline pipeline, PipelineConfig given, OutputOptions output, Pipeline.Range range,
      WithoutInput withoutInput, String providedRef) {
    pipeline.check(range);
    PipelineConfig config = withLatestCrawl(given);
    boolean sample = config.input().isEmpty() && withoutInput == WithoutInput.SAMPLE;
    if (config.input().isEmpty() && withoutInput == WithoutInput.REFUSE) {
      throw new UsageException("no input: give --input (archive files, directories, globs or path listings)");
    }
    List<String> specs = inputSpecs(config.input());
    WorkDir workDir = isLocal(output.out)
        ? WorkDir.open(output.out, specs, output.overwrite, new Configuration()) : null;
    // Before the sample is written, so that a refused run leaves nothing behind.
    preflight(pipeline, range, config);
    if (sample) {
      config = withSample(config, workDir, output.out);
      specs = inputSpecs(config.input());
    }
    if (providedRef != null && specs.size() == 1 && Preflight.isLocal(specs.get(0))
        && !Files.exists(Path.of(new org.apache.hadoop.fs.Path(specs.get(0)).toUri().getPath(),
            StageContext.SCHEMA_FILE))) {
      InputDocuments.format(specs.get(0), Preflight.localConf());
    }
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = session(config);
    try {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      HadoopConf.commonCrawlRegion(conf);
      if (workDir == null) {
        workDir = WorkDir.open(output.out, specs, output.overwrite, conf);
      }
      InputFiles inputs = Inputs.resolve(specs, config.input().ccBase(), config.input().maxFiles(), conf);
      Map<String, String> external = new HashMap<>();
      if (providedRef != null) {
        if (specs.size() != 1) {
          throw new UsageException("give one --input: the " + providedRef + " dataset to read");
        }
        external.put(providedRef, specs.get(0));
      }
      return run(pipeline, spark, config, inputs, workDir, range, external);
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /** {@code config} with crawl {@code latest} replaced by the newest crawl of its crawl list, and said so. */
  static PipelineConfig withLatestCrawl(PipelineConfig config) {
    InputConfig input = config.input();
    if (!input.crawl().equals(InputConfig.LATEST)) {
      return config;
    }
    String crawl = CrawlList.latest(input.crawlList(), HadoopConf.of(config.spark().conf()));
    System.out.println("crawl latest: " + crawl + " (the newest in " + Secrets.scrub(input.crawlList()) + ")");
    return config.withInput(input.withCrawl(crawl));
  }

  /**
   * Asks every stage of the range what would make it fail before Spark starts (a tokenizer, benchmark, list or
   * model file that is missing or does not parse), and refuses the run with all of it at once.
   */
  private static void preflight(Pipeline pipeline, Pipeline.Range range, PipelineConfig config) {
    Set<String> problems = new LinkedHashSet<>();
    pipeline.stages(range).forEach(stage -> problems.addAll(stage.preflight(config)));
    if (problems.size() == 1) {
      throw new UsageException(problems.iterator().next());
    }
    if (!problems.isEmpty()) {
      throw new UsageException(problems.size() + " problems, found before starting; nothing was run:\n  "
          + String.join("\n  ", problems));
    }
  }

  private static int run(Pipeline pipeline, SparkSession spark, PipelineConfig config, InputFiles inputs,
      WorkDir workDir, Pipeline.Range range, Map<String, String> external) {
    String codeVersion = CodeVersion.current();
    Lineage lineage = new Lineage(workDir, spark, config, inputs, codeVersion);
    workDir.write("config.yaml", ConfigDocs.yaml(config));
    System.out.printf("corpus %s: %d input files, writing to %s%n", codeVersion, inputs.files().size(),
        Secrets.scrub(workDir.root()));
    List<StageRun> runs = new ArrayList<>();
    try {
      pipeline.run(new Pipeline.Run(spark, config, inputs, workDir, range, codeVersion, external), done -> {
        lineage.stages(done);
        runs.clear();
        runs.addAll(done);
      });
    } catch (CountsException e) {
      lineage.failed(e.stage(), e);
      System.out.print(Funnel.table(runs));
      throw e;
    } catch (StageFailedException e) {
      lineage.failed(e.stage(), e.getCause());
      throw e;
    } catch (RuntimeException | Error e) {
      lineage.failed(null, e);
      throw e;
    }
    System.out.print(Funnel.table(runs));
    workDir.write("stats.json", Funnel.json(runs));
    if (runs.stream().anyMatch(r -> r.stage().equals(PackStage.NAME) && !r.reused())) {
      Verify.Result verified = Verify.verify(spark, workDir.root() + "/" + PackStage.NAME, 2);
      verified.lines().forEach(line -> System.out.println("verify: " + line));
      if (!verified.ok()) {
        verified.problems().forEach(p -> System.out.println("verify: problem: " + p));
        IllegalStateException e = new IllegalStateException("the shards written do not pass corpus verify: "
            + verified.problems().size() + " problems, listed above");
        lineage.failed("verify", e);
        throw e;
      }
    }
    lineage.succeeded();
    report(spark, workDir);
    System.out.printf("written to %s: run.json, config.yaml, stats.json, report.html, report.json and one directory per stage%n",
        Secrets.scrub(workDir.root()));
    return 0;
  }

  /**
   * Draws report.html; the run's data is written and checked by now, so a report that cannot be drawn is said in
   * a line and does not fail the run ({@code corpus report OUT} tries again).
   */
  private static void report(SparkSession spark, WorkDir workDir) {
    try {
      RunReport.write(spark, workDir.root());
    } catch (RuntimeException e) {
      System.out.println("report: not drawn: " + Messages.describe(e) + "; corpus report OUT draws it again");
    }
  }

  private static PipelineConfig withSample(PipelineConfig config, WorkDir workDir, String out) {
    if (workDir == null) {
      throw new UsageException("the embedded sample is written under --out, which must be a local directory; "
          + "give --input to read from " + out);
    }
    try {
      SampleCrawl.Written written = SampleCrawl.write(Path.of(out, "sample"));
      System.out.println("No --input: running on the embedded sample, " + written.warc());
      InputConfig input = config.input();
      PipelineConfig sampled = config.withInput(input.reading(
          List.of(written.warc().toAbsolutePath().toUri().toString())));
      if (config.sources().sets().isEmpty()) {
        sampled = sampled.withSources(config.sources().withSets(Map.of("reference",
            written.reference().toAbsolutePath().toUri().toString())));
      }
      if (!config.decontaminate().benchmarks().isEmpty()) {
        return sampled;
      }
      return sampled.withDecontaminate(config.decontaminate().withBenchmarks(List.of(
          "sample=" + written.benchmark().toAbsolutePath() + ":fields=question+answer")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedded sample under " + out, e);
    }
  }

  static List<String> inputSpecs(InputConfig input) {
    List<String> specs = new ArrayList<>(input.paths());
    if (!input.crawl().isEmpty()) {
      specs.add(Inputs.crawlListing(input.crawl(), input.crawlKind(), input.ccBase()));
    }
    return specs;
  }

  /** A path on the local file system, checked before Spark starts; others need the session's settings. */
  private static boolean isLocal(String out) {
    String scheme = new org.apache.hadoop.fs.Path(out).toUri().getScheme();
    return scheme == null || scheme.equals("file");
  }

  /** Work done with a session. */
  @FunctionalInterface
  public interface SessionWork {
    int run(SparkSession spark) throws IOException;
  }

  /**
   * Runs {@code work} in the session of {@code config}; a session this call started (not one spark-submit or a
   * test gave) is stopped when the work ends, however it ends.
   */
  public static int inSession(PipelineConfig config, SessionWork work) throws IOException {
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = session(config);
    try {
      return work.run(spark);
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /** The session: the one spark-submit configured, or one started from the spark section of the config. */
  static SparkSession session(PipelineConfig config) {
    SparkSession.Builder builder = SparkSession.builder().appName("corpus");
    if (System.getProperty("spark.master") == null) {
      builder.master(config.spark().master());
      config.spark().conf().forEach(builder::config);
    }
    SparkSettings.JOB_DEFAULTS.forEach((key, value) -> {
      if (System.getProperty(key) == null && !config.spark().conf().containsKey(key)) {
        builder.config(key, value);
      }
    });
    SparkSession spark = builder.getOrCreate();
    if (spark.sparkContext().uiWebUrl().isDefined()) {
      System.out.println("Spark UI: " + spark.sparkContext().uiWebUrl().get());
    }
    return spark;
  }
}

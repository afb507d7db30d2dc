package org.corpuskit.tools;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.cli.Stages;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.Inputs;
import org.corpuskit.jobs.pipeline.CodeVersion;
import org.corpuskit.jobs.pipeline.Funnel;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.pipeline.StageRun;
import org.corpuskit.jobs.pipeline.WorkDir;
import org.corpuskit.jobs.stages.dedup.DedupStage;
import org.corpuskit.jobs.stages.mix.MixStage;
import org.corpuskit.jobs.stages.tokenize.TokenizeStage;
import org.corpuskit.sample.SampleCrawl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "measure", aliases = "bench", mixinStandardHelpOptions = true,
    description = "Stages measured on generated data: speed per core (run, dedup against MLlib) and the mixture's "
        + "realised shares (mix).",
    subcommands = {MeasureCommand.Run.class, MeasureCommand.Dedup.class, MeasureCommand.Mix.class})
final class MeasureCommand {
  @Command(name = "dedup", mixinStandardHelpOptions = true,
      description = "The dedup stage end to end on generated documents with planted near copies; with --skew, on "
          + "near copies of one document; with --mllib, near-dup detection against Spark MLlib's MinHashLSH "
          + "self-join on another generated set, in the same session.")
  static final class Dedup extends SessionCommand {
    @Option(names = "--documents", defaultValue = "1000000", description = "Documents to generate.")
    long documents;

    @Option(names = "--chars", defaultValue = "2000", description = "Characters per document.")
    int chars;

    @Option(names = "--copy-share", defaultValue = "0.2", description = "Share of the documents that are near "
        + "copies of others (1% of words replaced).")
    double copyShare;

    @Option(names = "--boilerplate", defaultValue = "0", description = "Share of each document that is its "
        + "site's header and footer, shared by the site's 200 pages, as templates are on the web.")
    double boilerplate;

    @Option(names = "--mllib", defaultValue = "0", paramLabel = "N",
        description = "Documents of the comparison with MLlib; 0: none.")
    long mllib;

    @Option(names = "--mllib-tables", defaultValue = "5", description = "MLlib's numHashTables.")
    int tables;

    @Option(names = "--skew", defaultValue = "0", paramLabel = "N",
        description = "Also run the stage on N near copies of one document: one bucket of N in every band.")
    long skew;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Folder for data and output.")
    String work;

    @Override
    int run(SparkSession spark, PipelineConfig pipeline) throws IOException {
      if (documents > 0) {
        stage(spark, pipeline, DedupMeasure.documents(spark, documents, chars, copyShare, boilerplate), documents, "stage");
      }
      if (skew > 0) {
        stage(spark, pipeline, DedupMeasure.copiesOfOne(spark, skew, chars), skew, "skew");
      }
      if (mllib > 0) {
        stage(spark, pipeline, DedupMeasure.documents(spark, mllib, chars, copyShare, boilerplate), mllib, "mllib");
        Dataset<Row> docs = spark.read().parquet(work + "/mllib-input");
        DedupMeasure.Comparison c = DedupMeasure.compare(docs, pipeline.dedup(), tables);
        System.out.printf(Locale.ROOT, "on the same %d documents, planted pairs at Jaccard >= 0.85: %d%n"
            + "ours (signatures, buckets, verification, components): %.1f s, recall %.4f%n"
            + "mllib MinHashLSH, %d tables, approxSimilarityJoin at Jaccard >= %.2f: %.1f s, %d pairs, recall "
            + "%.4f%nours is %.1f× faster%n", mllib, c.plantedAbove(), c.oursSeconds(), c.oursRecall(), tables,
            pipeline.dedup().verifyThreshold(), c.mllibSeconds(), c.mllibPairs(), c.mllibRecall(),
            c.mllibSeconds() / c.oursSeconds());
      }
      return 0;
    }

    /** Generates and writes {@code n} documents (untimed), then times the dedup stage on them. */
    private void stage(SparkSession spark, PipelineConfig pipeline, Dataset<Row> generated, long n, String name) {
      String input = work + "/" + name + "-input";
      long start = System.nanoTime();
      generated.write().mode(SaveMode.Overwrite).parquet(input);
      System.out.printf(Locale.ROOT, "%s: generated %d documents of %d characters in %.1f s%n", name, n, chars,
          (System.nanoTime() - start) / 1e9);
      PipelineConfig config = pipeline.withInput(pipeline.input().reading(List.of(input)));
      String out = work + "/" + name;
      List<StageRun> runs = runOn(spark, config, List.of(new DedupStage()), input, out);
      double seconds = runs.get(0).marker().seconds();
      Dataset<Row> docs = spark.read().parquet(input);
      Dataset<Row> kept = spark.read().parquet(out + "/dedup/documents").select("doc_id");
      Dataset<Row> planted = planted(docs);
      long missed = planted.join(kept.withColumnRenamed("doc_id", "x"), "x")
          .join(kept.withColumnRenamed("doc_id", "y"), "y").count();
      int cores = spark.sparkContext().defaultParallelism();
      System.out.printf(Locale.ROOT, "%s: dedup stage on %d documents: %.1f s, %.0f documents/s, %.0f per core "
          + "(%d cores); %s; planted pairs both kept: %d of %d (recall %.4f)%n", name, n, seconds, n / seconds,
          n / seconds / cores, cores, runs.get(0).marker().counts().rejected(), missed, planted.count(),
          1 - (double) missed / planted.count());
    }

    private static Dataset<Row> planted(Dataset<Row> docs) {
      return docs.filter(col("planted_original").isNotNull())
          .select(least(col("doc_id"), col("planted_original")).as("x"),
              greatest(col("doc_id"), col("planted_original")).as("y"));
    }
  }

  @Command(name = "mix", mixinStandardHelpOptions = true,
      description = "Stages tokenize and mix on generated documents of four sources of very different sizes and "
          + "log-normal lengths; prints the mixture report, whose realised shares should follow the targets.")
  static final class Mix extends SessionCommand {
    @Option(names = "--documents", defaultValue = "100000", description = "Documents to generate.")
    long documents;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Folder for data and output.")
    String work;

    @Override
    int run(SparkSession spark, PipelineConfig pipeline) throws IOException {
      String input = work + "/mix-input";
      MixMeasure.documents(spark, documents).write().mode(SaveMode.Overwrite).parquet(input);
      List<StageRun> runs = runOn(spark, pipeline, List.of(new TokenizeStage(), new MixStage()), input,
          work + "/mix");
      for (StageRun run : runs) {
        System.out.printf(Locale.ROOT, "%s: %d documents in, %d out, %.1f s%n", run.stage(),
            run.marker().counts().in(), run.marker().counts().out(), run.marker().seconds());
        run.marker().counts().notes().forEach(line -> System.out.println("  " + line));
      }
      return 0;
    }
  }

  /**
   * Runs {@code stages} into a fresh {@code out}, the first of them reading the dataset {@code input} in place of
   * an earlier stage's output.
   */
  private static List<StageRun> runOn(SparkSession spark, PipelineConfig config, List<Stage> stages, String input,
      String out) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    String reads = stages.get(0).reads().get(0);
    WorkDir workDir = WorkDir.open(out, List.of(input), true, hadoop);
    return new Pipeline(stages, Set.of(reads)).run(new Pipeline.Run(spark, config, Inputs.resolve(List.of(input),
        "", 0, hadoop), workDir, new Pipeline.Range(stages.get(0).name(), null), "bench", Map.of(reads, input)),
        done -> { });
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Every stage of corpus run on a generated crawl of about --size-mb compressed megabytes: "
          + "copies of the real pages under --pages, each with its own URL and its longer words varied (see "
          + "BenchCrawl). Reports each stage's time and megabytes of compressed archive per second per core.",
          "The crawl is generated once per size and file count, untimed, and reused."})
  static final class Run extends SessionCommand {
    @Option(names = "--pages", required = true, paramLabel = "DIR",
        description = "Folders of real HTML pages (.html, .htm, .html.gz), read recursively (repeatable).")
    List<Path> pages;

    @Option(names = "--size-mb", defaultValue = "1000", description = "Compressed size of the crawl, MB.")
    long sizeMb;

    @Option(names = "--files", defaultValue = "16", description = "Archive files the crawl is cut into.")
    int files;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Folder for the crawl and the run.")
    Path work;

    @Override
    int run(SparkSession spark, PipelineConfig pipeline) throws IOException {
    List<byte[]> html = RealPages.read(pages);
    Path crawl = work.resolve("crawl-" + sizeMb + "mb-" + files + "-files-" + html.size() + "-pages");
      if (!Files.exists(crawl.resolve("_COMPLETE"))) {
        long start = System.nanoTime();
        RealPages.writeCrawl(spark, html, crawl, files, sizeMb << 20);
        System.out.printf(Locale.ROOT, "generated %s from %d pages in %.0f s%n", crawl, html.size(),
            (System.nanoTime() - start) / 1e9);
      }
      List<Path> archives;
      try (var listing = Files.list(crawl)) {
        archives = listing.filter(f -> f.toString().endsWith(".warc.gz")).sorted().toList();
      }
      long bytes = 0;
      for (Path file : archives) {
        bytes += Files.size(file);
      }
      SampleCrawl.Written sample = SampleCrawl.write(work.resolve("sample"));
      PipelineConfig run = pipeline.withInput(pipeline.input().reading(List.of(crawl.toUri().toString())))
          .withDecontaminate(pipeline.decontaminate().withBenchmarks(List.of(
              "sample=" + sample.benchmark().toAbsolutePath() + ":fields=question+answer")));
      String out = work.resolve("out").toString();
      WorkDir workDir = WorkDir.open(out, List.of(crawl.toString()), true,
          spark.sparkContext().hadoopConfiguration());
      Pipeline stages = Stages.all();
      List<StageRun> runs = stages.run(new Pipeline.Run(spark, run, Inputs.resolve(run.input().paths(), "", 0,
          spark.sparkContext().hadoopConfiguration()), workDir, new Pipeline.Range(stages.names().get(0), null),
          CodeVersion.current()), done -> { });
      System.out.print(Funnel.table(runs));
      // After the run, so that its files are in the page cache for the run and the baseline alike.
      double java = InflateBaseline.javaSeconds(archives);
      double zcat = InflateBaseline.zcatSeconds(archives);
      int cores = spark.sparkContext().defaultParallelism();
      double mb = bytes / 1e6;
      double total = 0;
      System.out.printf(Locale.ROOT, "%nrun on %.0f MB of compressed archive, %d files, %d cores%n", mb, files,
          cores);
      System.out.printf(Locale.ROOT, "%-32s %9s %15s %14s%n", "stage", "seconds", "MB/s per core",
          "of inflating");
      for (StageRun stage : runs) {
        double seconds = stage.marker().seconds();
        total += seconds;
        row(stage.stage(), seconds, mb / seconds / cores, mb / java);
      }
      row("total", total, mb / total / cores, mb / java);
      row("baseline: inflate, JDK, 1 core", java, mb / java, mb / java);
      if (zcat > 0) {
        row("baseline: zcat, 1 core", zcat, mb / zcat, mb / java);
      }
      return 0;
    }

    private static void row(String name, double seconds, double perCore, double baseline) {
      System.out.printf(Locale.ROOT, "%-32s %9.1f %15.2f %14.3f%n", name, seconds, perCore, perCore / baseline);
    }
  }
}

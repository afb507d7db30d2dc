package org.corpuskit.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.config.InputConfig;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.Inputs;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.StageRun;
import org.corpuskit.jobs.pipeline.WorkDir;
import org.corpuskit.jobs.stages.dedup.DedupBench;
import org.corpuskit.jobs.stages.dedup.DedupStage;
import org.corpuskit.jobs.stages.mix.MixBench;
import org.corpuskit.jobs.stages.mix.MixStage;
import org.corpuskit.jobs.stages.tokenize.TokenizeStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Stage benchmarks on generated data.",
    subcommands = {BenchCommand.Dedup.class, BenchCommand.Mix.class})
final class BenchCommand {
  @Command(name = "dedup", mixinStandardHelpOptions = true,
      description = "The dedup stage end to end on generated documents with planted near copies; with --skew, on "
          + "near copies of one document; with --mllib, near-dup detection against Spark MLlib's MinHashLSH "
          + "self-join on another generated set, in the same session.")
  static final class Dedup implements Callable<Integer> {
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

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
      PipelineConfig pipeline = config.load(List.of());
      boolean ownSession = SparkSession.getDefaultSession().isEmpty();
      SparkSession spark = PipelineLauncher.session(pipeline);
      try {
        if (documents > 0) {
          stage(spark, pipeline, DedupBench.documents(spark, documents, chars, copyShare, boilerplate), documents, "stage");
        }
        if (skew > 0) {
          stage(spark, pipeline, DedupBench.copiesOfOne(spark, skew, chars), skew, "skew");
        }
        if (mllib > 0) {
          stage(spark, pipeline, DedupBench.documents(spark, mllib, chars, copyShare, boilerplate), mllib, "mllib");
          Dataset<Row> docs = spark.read().parquet(work + "/mllib-input");
          DedupBench.Comparison c = DedupBench.compare(docs, pipeline.dedup(), tables);
          System.out.printf(Locale.ROOT, "on the same %d documents, planted pairs at Jaccard >= 0.85: %d%n"
              + "ours (signatures, buckets, verification, components): %.1f s, recall %.4f%n"
              + "mllib MinHashLSH, %d tables, approxSimilarityJoin at Jaccard >= %.2f: %.1f s, %d pairs, recall "
              + "%.4f%nours is %.1f× faster%n", mllib, c.plantedAbove(), c.oursSeconds(), c.oursRecall(), tables,
              pipeline.dedup().verifyThreshold(), c.mllibSeconds(), c.mllibPairs(), c.mllibRecall(),
              c.mllibSeconds() / c.oursSeconds());
        }
        return 0;
      } finally {
        if (ownSession) {
          spark.stop();
        }
      }
    }

    /** Generates and writes {@code n} documents (untimed), then times the dedup stage on them. */
    private void stage(SparkSession spark, PipelineConfig pipeline, Dataset<Row> generated, long n, String name) {
      String input = work + "/" + name + "-input";
      long start = System.nanoTime();
      generated.write().mode(SaveMode.Overwrite).parquet(input);
      System.out.printf(Locale.ROOT, "%s: generated %d documents of %d characters in %.1f s%n", name, n, chars,
          (System.nanoTime() - start) / 1e9);
      InputConfig defaults = pipeline.input();
      PipelineConfig config = pipeline.withInput(new InputConfig(List.of(input), defaults.crawl(), defaults.crawlKind(),
          defaults.ccBase(), 0));
      String out = work + "/" + name;
      WorkDir workDir = WorkDir.open(out, List.of(input), true, spark.sparkContext().hadoopConfiguration());
      Pipeline dedup = new Pipeline(List.of(new DedupStage()), Set.of(DedupStage.READS));
      List<StageRun> runs = dedup.run(new Pipeline.Run(spark, config, Inputs.resolve(List.of(input), "", 0,
          spark.sparkContext().hadoopConfiguration()), workDir, new Pipeline.Range(DedupStage.NAME, null),
          "bench", Map.of(DedupStage.READS, input)), stages -> { });
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
  static final class Mix implements Callable<Integer> {
    @Option(names = "--documents", defaultValue = "100000", description = "Documents to generate.")
    long documents;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Folder for data and output.")
    String work;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
      PipelineConfig pipeline = config.load(List.of());
      boolean ownSession = SparkSession.getDefaultSession().isEmpty();
      SparkSession spark = PipelineLauncher.session(pipeline);
      try {
        String input = work + "/mix-input";
        MixBench.documents(spark, documents).write().mode(SaveMode.Overwrite).parquet(input);
        WorkDir workDir = WorkDir.open(work + "/mix", List.of(input), true,
            spark.sparkContext().hadoopConfiguration());
        Pipeline stages = new Pipeline(List.of(new TokenizeStage(), new MixStage()), Set.of(TokenizeStage.READS));
        List<StageRun> runs = stages.run(new Pipeline.Run(spark, pipeline, Inputs.resolve(List.of(input), "", 0,
            spark.sparkContext().hadoopConfiguration()), workDir, new Pipeline.Range(TokenizeStage.NAME, null),
            "bench", Map.of(TokenizeStage.READS, input)), done -> { });
        for (StageRun run : runs) {
          System.out.printf(Locale.ROOT, "%s: %d documents in, %d out, %.1f s%n", run.stage(),
              run.marker().counts().in(), run.marker().counts().out(), run.marker().seconds());
          run.marker().counts().notes().forEach(line -> System.out.println("  " + line));
        }
        return 0;
      } finally {
        if (ownSession) {
          spark.stop();
        }
      }
    }
  }
}

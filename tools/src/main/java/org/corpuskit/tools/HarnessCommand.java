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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.dedup.MinHash;
import org.corpuskit.eval.SCurvePlot;
import org.corpuskit.jobs.config.DedupConfig;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.DocumentFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The evaluation harnesses: they plant copies of known text into documents and score what a stage finds, where
 * the user's {@code corpus eval} scores the extractor on a gold set.
 */
@Command(name = "harness", mixinStandardHelpOptions = true,
    description = "Evaluation harnesses that plant known text into documents and score a stage on it.",
    subcommands = {HarnessCommand.Dedup.class, HarnessCommand.Layouts.class})
final class HarnessCommand {
  @Command(name = "dedup", mixinStandardHelpOptions = true,
      description = "Recall and false merges of near-duplicate removal on documents and mutated copies of them, "
          + "under the dedup settings of --config/--set; writes report.json, s_curve.csv and s_curve.svg.")
  static final class Dedup extends SessionCommand {
    @Option(names = "--docs", required = true, paramLabel = "PATH",
        description = "Documents: JSON lines, Parquet (such as OUT/extract/documents) or text; repeatable.")
    List<String> docs;

    @Option(names = "--text-field", defaultValue = "text", description = "The field holding the text.")
    String textField;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the mutations.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Override
    int run(SparkSession spark, PipelineConfig pipeline) throws IOException {
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
    }
  }

  @Command(name = "layouts", mixinStandardHelpOptions = true,
      description = {"Writes benchmark files of our own in every layout the presets read: copies of each "
          + "layout's example with its words replaced by generated ones, a folder per layout; prints the "
          + "--benchmark arguments that name them, for corpus eval decontamination."})
  static final class Layouts implements Callable<Integer> {
    @Option(names = "--examples", paramLabel = "FILE",
        defaultValue = "udfs/src/test/resources/org/corpuskit/decontaminate/preset-examples.jsonl",
        description = "The presets' examples, JSON lines of preset, file and content (default: ${DEFAULT-VALUE}).")
    Path examples;

    @Option(names = "--copies", defaultValue = "40", description = "Copies of each example (default: "
        + "${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated words.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Override
    public Integer call() throws IOException {
      for (LayoutFiles.Written written : LayoutFiles.write(examples, out, copies, seed)) {
        System.out.println("--benchmark " + written.argument());
      }
      return 0;
    }
  }
}

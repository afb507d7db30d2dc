package org.corpuskit.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.corpuskit.eval.ClassifierExamples;
import org.corpuskit.eval.ExtractionEval;
import org.corpuskit.eval.GoldSet;
import org.corpuskit.eval.Scores;
import org.corpuskit.extract.MainContentExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluations.",
    subcommands = {EvalCommand.Extraction.class, EvalCommand.ClassifierData.class})
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
}

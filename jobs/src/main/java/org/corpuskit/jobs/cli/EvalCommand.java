package org.corpuskit.jobs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corpuskit.eval.ExtractionEval;
import org.corpuskit.eval.GoldSet;
import org.corpuskit.eval.Scores;
import org.corpuskit.extract.MainContentExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluations.",
    subcommands = {EvalCommand.Extraction.class})
final class EvalCommand {
  @Command(name = "extraction", mixinStandardHelpOptions = true,
      description = "Precision, recall and F1 of the extractor on a gold set (article-extraction-benchmark or "
          + "trafilatura evaldata format).")
  static final class Extraction implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "PATH", description = "The gold set's folder or JSON file.")
    Path gold;

    @Override
    public Integer call() {
      GoldSet set = GoldSet.load(gold);
      long start = System.nanoTime();
      Scores scores = new ExtractionEval(new MainContentExtractor()).score(set);
      System.out.printf("%s %s: pages %d (left out, no HTML: %d) precision %.3f recall %.3f F1 %.3f (%.1f s)%n",
          MainContentExtractor.VERSION, set.format(), scores.pages(), set.missing(), scores.precision(),
          scores.recall(), scores.f1(), (System.nanoTime() - start) / 1e9);
      return 0;
    }
  }
}

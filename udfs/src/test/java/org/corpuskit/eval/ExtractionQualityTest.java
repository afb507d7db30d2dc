package org.corpuskit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corpuskit.SharedData;
import org.corpuskit.extract.MainContentExtractor;
import org.junit.jupiter.api.Test;

/**
 * The extractor's quality floors on the two gold sets in ../shared/data. The same figures are printed by
 * {@code corpus eval extraction} and recorded in docs/benchmarks.md.
 */
class ExtractionQualityTest {
  private final ExtractionEval eval = new ExtractionEval(new MainContentExtractor());

  @Test
  void reachesF1OfAtLeast095OnTheArticleExtractionBenchmark() {
    GoldSet gold = GoldSet.load(SharedData.require("extraction/article-extraction-benchmark"));
    assertEquals(181, gold.pages().size());
    Scores scores = eval.score(gold);
    assertTrue(scores.f1() >= 0.95, "F1 " + scores);
  }

  @Test
  void reachesF1OfAtLeast090OnTrafilaturasSnippetSet() {
    GoldSet gold = GoldSet.load(SharedData.require("extraction/trafilatura/tests/evaldata.json"));
    assertTrue(gold.pages().size() >= 190, "pages with HTML present: " + gold.pages().size());
    Scores scores = eval.score(gold);
    assertTrue(scores.f1() >= 0.90, "F1 " + scores);
  }
}

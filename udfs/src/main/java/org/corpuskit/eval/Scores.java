package org.corpuskit.eval;

/**
 * Precision, recall and F1 of an extractor over a gold set.
 *
 * @param pages how many pages were scored
 * @param precision mean per-page precision (article benchmark) or pooled precision (snippet sets)
 * @param recall likewise for recall
 * @param f1 the harmonic mean of {@code precision} and {@code recall}
 */
public record Scores(int pages, double precision, double recall, double f1) {
  static Scores of(int pages, double precision, double recall) {
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new Scores(pages, precision, recall, f1);
  }
}

package org.corpuskit.filter;

import java.util.Collections;

/** Signals of a text as the built-in chain computes them in English, for the rule tests. */
final class RuleCase {
  private RuleCase() {}

  static Signals signals(String text) {
    return new FilterChain(lang -> GopherQuality.ENGLISH_STOP_WORDS).apply(text, "https://example.org/", "en")
        .signals();
  }

  /** {@code count} copies of {@code unit} joined by {@code separator}. */
  static String repeat(String unit, int count, String separator) {
    return String.join(separator, Collections.nCopies(count, unit));
  }
}

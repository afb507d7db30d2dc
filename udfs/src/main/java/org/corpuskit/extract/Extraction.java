package org.corpuskit.extract;

/**
 * What {@link MainContentExtractor} found in one page.
 *
 * @param title the page title, or an empty string
 * @param text the main content as plain text: blocks separated by blank lines, list items as {@code - } lines
 * @param lang the {@code lang} attribute of the {@code html} element, or an empty string
 * @param boilerplateOnly true when the page has text but none of it is prose: no line, in the main content or
 *     anywhere else in the body outside navigation, footers and hidden elements, has at least 20 letters outside
 *     links without being a copyright or legal line. Such a page is navigation, pagination, a list of links or a
 *     legal line; {@code text} then holds what was found (possibly nothing) and the caller rejects the page as
 *     {@code boilerplate_only}. False for a page without any text, which is simply empty.
 */
public record Extraction(String title, String text, String lang, boolean boilerplateOnly) {
  public Extraction {
    if (title == null || text == null || lang == null) {
      throw new IllegalArgumentException("title, text and lang must not be null (use empty strings)");
    }
  }
}

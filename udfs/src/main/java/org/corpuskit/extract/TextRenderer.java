package org.corpuskit.extract;

import java.nio.CharBuffer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an element tree as plain text: block elements become paragraphs separated by blank lines, list items
 * {@code - } lines, table rows one line with cells separated by {@code " | "}, and preformatted text keeps its
 * white space. Lines whose letters are nearly all inside links (menus, lists of titles, "About Me - CV - Talks")
 * are left out, and the letters outside links tell whether any line is {@link Prose}. Not thread-safe: make one
 * per rendering.
 */
final class TextRenderer implements NodeVisitor {
  private static final Set<String> BLOCKS = Set.of(
      "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
      "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
      "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
      "ul", "caption", "noscript", "html");

  /** A line with at least this share of its letters inside links is a link line: a menu, a list of titles. */
  private static final double LINK_LINE_LETTERS = 0.9;
  private static final int MAX_TRAILING_LABEL_CHARS = 40;
  private static final int MAX_DATE_LINE_CHARS = 80;
  /** A date in digits (23.10.2018, 2018-10-23, 10/23/2018) or a month name with a year, anywhere in the block. */
  private static final Pattern DATE_LINE = Pattern.compile(
      "\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|(?i)\\b(jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zé]*\\.?\\s+\\d{1,2},?\\s+\\d{4}\\b|\\b\\d{1,2}\\.?\\s+(jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zé]*\\.?\\s+\\d{4}\\b");
  /** A sentence end, with a closing quote or bracket after it. */
  static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？…]['\"”’»)]?\\s*$");

  private final StringBuilder out = new StringBuilder();
  private final StringBuilder line = new StringBuilder();
  private int lineLetters;
  private int lineLinkLetters;
  private int linkDepth;
  private boolean hasProse;
  /** The separator owed before the next text: 0 none, 1 a line break, 2 a blank line. */
  private int pendingBreak;
  private int preDepth;
  private boolean firstCellInRow;

  /**
   * The rendered text and whether any line of it is prose.
   *
   * @param text blocks separated by blank lines
   * @param hasProse whether a line has at least {@link Prose#MIN_LETTERS} letters outside links and is not a
   *     legal line
   */
  record Rendering(String text, boolean hasProse) {}

  /** Renders {@code root}, leaving out the lines whose letters are nearly all inside links. */
  static Rendering render(Element root) {
    TextRenderer renderer = new TextRenderer();
    NodeTraversor.traverse(renderer, root);
    renderer.flush(2);
    return new Rendering(renderer.out.toString(), renderer.hasProse);
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode text) {
      appendText(text.getWholeText());
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    switch (element.normalName()) {
      case "a" -> linkDepth++;
      case "br" -> {
        if (preDepth > 0) {
          line.append('\n');
        } else {
          flush(1);
        }
      }
      case "li" -> {
        flush(1);
        line.append("- ");
      }
      case "tr" -> {
        flush(1);
        firstCellInRow = true;
      }
      case "td", "th" -> {
        if (!firstCellInRow && !line.isEmpty()) {
          line.append(" | ");
        }
        firstCellInRow = false;
      }
      case "pre" -> {
        flush(2);
        preDepth++;
      }
      case "dt", "dd" -> flush(1);
      default -> {
        if (BLOCKS.contains(element.normalName())) {
          flush(2);
        } else if (element.normalName().equals("img") && line.length() > 0) {
          appendText(" ");
        }
      }
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (!(node instanceof Element element)) {
      return;
    }
    switch (element.normalName()) {
      case "a" -> linkDepth--;
      case "li", "tr", "dt", "dd" -> flush(1);
      case "pre" -> {
        preDepth--;
        flush(2);
      }
      case "td", "th" -> { }
      default -> {
        if (BLOCKS.contains(element.normalName())) {
          flush(2);
        }
      }
    }
  }

  private void appendText(String text) {
    int letters = 0;
    if (preDepth > 0) {
      line.append(text);
      for (int i = 0; i < text.length(); i++) {
        if (isLetter(text.charAt(i))) {
          letters++;
        }
      }
    } else {
      // Runs of white space become one space; runs of anything else are copied whole.
      int i = 0;
      while (i < text.length()) {
        int start = i;
        while (i < text.length() && isSpaceOrControl(text.charAt(i))) {
          i++;
        }
        if (i > start && !line.isEmpty() && line.charAt(line.length() - 1) != ' ') {
          line.append(' ');
        }
        start = i;
        while (i < text.length() && !isSpaceOrControl(text.charAt(i))) {
          if (isLetter(text.charAt(i))) {
            letters++;
          }
          i++;
        }
        line.append(text, start, i);
      }
    }
    lineLetters += letters;
    if (linkDepth > 0) {
      lineLinkLetters += letters;
    }
  }

  /**
   * White space, no-break space or a control character. Only U+1680 to U+3000 ask the Unicode tables, which
   * cost: no white space lies between U+00A0 and U+1680 or above U+3000.
   */
  private static boolean isSpaceOrControl(char c) {
    return c <= ' ' || c >= '\u007f' && (c <= '\u00a0' || c >= '\u1680' && c <= '\u3000' && Character.isWhitespace(c));
  }

  private static boolean isLetter(char c) {
    return c < '\u0080' ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
  }

  /** Ends the current line, owing at least {@code separator} before whatever text comes next. */
  private void flush(int separator) {
    // The line is trimmed in place and copied out without becoming a string of its own.
    int start = 0;
    int end = line.length();
    if (preDepth > 0 || isPreformatted()) {
      while (start < end && line.charAt(start) == '\n') {
        start++;
      }
    } else {
      while (start < end && Character.isWhitespace(line.charAt(start))) {
        start++;
      }
    }
    while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    boolean linkLine = lineLetters > 0 && lineLinkLetters >= lineLetters * LINK_LINE_LETTERS;
    boolean dash = end - start == 1 && line.charAt(start) == '-';
    if (!linkLine && end > start && !dash) {
      hasProse = hasProse || Prose.isProse(CharBuffer.wrap(line, start, end), lineLetters - lineLinkLetters);
      if (!out.isEmpty()) {
        out.append(pendingBreak >= 2 ? "\n\n" : "\n");
      }
      out.append(line, start, end);
      pendingBreak = 0;
    }
    line.setLength(0);
    lineLetters = 0;
    lineLinkLetters = 0;
    pendingBreak = Math.max(pendingBreak, separator);
  }

  private boolean isPreformatted() {
    return line.indexOf("\n") >= 0;
  }

  /** Drops blocks that are only a date or a dateline ("23.10.2018", "January 13, 2020 at 08:45 AM"). */
  static String withoutDateLines(String text) {
    Matcher dateLine = DATE_LINE.matcher(text);
    StringBuilder kept = null;
    for (int start = 0; start <= text.length(); ) {
      int end = text.indexOf("\n\n", start);
      end = end < 0 ? text.length() : end;
      boolean drop = end - start <= MAX_DATE_LINE_CHARS && hasDigitAndNoBreak(text, start, end)
          && dateLine.region(start, end).find();
      // Most texts have no date line and are returned as they are; copying starts at the first one.
      if (drop && kept == null) {
        kept = new StringBuilder(text.length()).append(text, 0, Math.max(0, start - 2));
      } else if (!drop && kept != null) {
        kept.append(kept.isEmpty() ? "" : "\n\n").append(text, start, end);
      }
      start = end + 2;
    }
    return kept == null ? text : kept.toString();
  }

  /** Every form of {@link #DATE_LINE} has a digit; most short blocks have none and skip the expression. */
  private static boolean hasDigitAndNoBreak(String text, int start, int end) {
    boolean digit = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return false;
      }
      digit |= c >= '0' && c <= '9';
    }
    return digit;
  }

  /**
   * Drops the short unpunctuated lines an article body often ends with: "Related posts", "Share this page",
   * "Tags", "No comments". Real closing lines end in punctuation or are longer.
   */
  static String withoutTrailingLabels(String text) {
    String kept = text;
    while (true) {
      int cut = kept.lastIndexOf("\n\n");
      String last = kept.substring(cut < 0 ? 0 : cut + 2);
      if (cut < 0 || last.length() > MAX_TRAILING_LABEL_CHARS || last.contains("\n")
          || SENTENCE_END.matcher(last).find()) {
        return kept;
      }
      kept = kept.substring(0, cut);
    }
  }
}

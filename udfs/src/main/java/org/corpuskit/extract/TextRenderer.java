package org.corpuskit.extract;

import java.nio.CharBuffer;
import java.util.Set;
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
}

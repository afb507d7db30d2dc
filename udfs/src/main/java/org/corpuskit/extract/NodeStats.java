package org.corpuskit.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text and element counts of every element of a tree, computed in one pass so that scoring a page is linear in
 * its size rather than quadratic (as calling {@link Element#text()} on every candidate would be).
 */
final class NodeStats {
  /** Counts for one element and everything below it. */
  static final class Counts {
    int textChars;
    int linkChars;
    /** Commas that end a clause of at least {@link NodeStats#MIN_CLAUSE_WORDS} words. */
    int commas;
    /** Commas after fewer words: between the names of a list, or after "However". */
    int listCommas;
    int paragraphs;
    int images;
    int listItems;
    int inputs;
    int embeds;
    int headings;
    /** The element is, or is inside, a pre or code element. */
    boolean inCode;
    /** The element is, or is inside, a figure. */
    boolean inFigure;
  }

  /**
   * Words since the previous comma for that comma to count. Commas are Readability's sign of prose, but a list
   * of 50 authors has 49 of them; clauses of prose run longer than a name ("Joseph Chee Chang", "Marti A.
   * Hearst"). A Han or kana character counts as a word, as those scripts leave no spaces.
   */
  private static final int MIN_CLAUSE_WORDS = 4;

  private final Map<Element, Counts> counts;
  private final List<Element> elements = new ArrayList<>();
  /** Words since the last comma, carried across text nodes in document order. */
  private int clauseWords;

  private NodeStats(int expectedElements) {
    counts = new IdentityHashMap<>(expectedElements);
  }

  /** Counts every element under {@code root}, in one walk that keeps the open elements' counts on a stack. */
  static NodeStats compute(Element root) {
    NodeStats stats = new NodeStats(1024);
    ArrayDeque<Counts> open = new ArrayDeque<>();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element element) {
          Counts parent = open.peek();
          Counts own = new Counts();
          own.inCode = element.nameIs("pre") || element.nameIs("code") || (parent != null && parent.inCode);
          own.inFigure = element.nameIs("figure") || (parent != null && parent.inFigure);
          stats.counts.put(element, own);
          stats.elements.add(element);
          open.push(own);
        } else if (node instanceof TextNode text && !open.isEmpty()) {
          stats.countText(text.getWholeText(), open.peek(), node.parentNameIs("a"));
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element) {
          Counts own = open.pop();
          countTag(element, own);
          if (!open.isEmpty()) {
            add(open.peek(), own);
          }
        }
      }
    }, root);
    return stats;
  }

  /** Every element under the root, the root first, in document order. */
  List<Element> elements() {
    return elements;
  }

  Counts of(Element element) {
    Counts c = counts.get(element);
    return c == null ? new Counts() : c;
  }

  double linkDensity(Element element) {
    Counts c = of(element);
    return c.textChars == 0 ? 0 : (double) c.linkChars / c.textChars;
  }

  private static void countTag(Element element, Counts own) {
    switch (element.normalName()) {
      case "p" -> own.paragraphs++;
      case "img", "picture" -> own.images++;
      case "li" -> own.listItems++;
      case "input", "select", "textarea", "button" -> own.inputs++;
      case "embed", "object", "iframe", "video", "audio" -> own.embeds++;
      case "h1", "h2", "h3", "h4", "h5", "h6" -> own.headings++;
      default -> { }
    }
  }

  private static void add(Counts into, Counts from) {
    into.textChars += from.textChars;
    into.linkChars += from.linkChars;
    into.commas += from.commas;
    into.listCommas += from.listCommas;
    into.paragraphs += from.paragraphs;
    into.images += from.images;
    into.listItems += from.listItems;
    into.inputs += from.inputs;
    into.embeds += from.embeds;
    into.headings += from.headings;
  }

  /** Characters of the text with each run of white space counted once, as a browser would show it. */
  static int visibleLength(String text) {
    int n = 0;
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (!space) {
          n++;
          space = true;
        }
      } else {
        n++;
        space = false;
      }
    }
    return n;
  }

  /**
   * Adds the visible characters of {@code text} and its clause and list commas, counting words from the text
   * before it. One pass, with the common ASCII characters decided without the Unicode tables.
   */
  private void countText(String text, Counts into, boolean inLink) {
    int visible = 0;
    boolean space = true;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (!space) {
          visible++;
          space = true;
        }
        inWord = false;
        continue;
      }
      visible++;
      space = false;
      switch (c) {
        case ',', '\uff0c', '\u3001', '\u060c', '\u201a' -> {
          if (clauseWords >= MIN_CLAUSE_WORDS) {
            into.commas++;
          } else {
            into.listCommas++;
          }
          clauseWords = 0;
          inWord = false;
        }
        default -> {
          if (c >= '\u3040' && (c <= '\u30ff' || Character.isIdeographic(c))) {
            clauseWords++;
            inWord = false;
          } else if (!inWord) {
            clauseWords++;
            inWord = true;
          }
        }
      }
    }
    into.textChars += visible;
    if (inLink) {
      into.linkChars += visible;
    }
  }

  /** {@link Character#isWhitespace} or a no-break space; the Unicode tables are asked only where they must be. */
  private static boolean isSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c';
    }
    return c == '\u00a0' || c >= '\u1680' && c <= '\u3000' && Character.isWhitespace(c);
  }
}

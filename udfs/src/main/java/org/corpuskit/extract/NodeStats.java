package org.corpuskit.extract;

import java.util.IdentityHashMap;
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
    int commas;
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

  private final Map<Element, Counts> counts = new IdentityHashMap<>();

  private NodeStats() {}

  static NodeStats compute(Element root) {
    NodeStats stats = new NodeStats();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element element) {
          Counts own = stats.counts.computeIfAbsent(element, e -> new Counts());
          Counts parent = element.parent() == null ? null : stats.counts.get(element.parent());
          own.inCode = element.nameIs("pre") || element.nameIs("code") || (parent != null && parent.inCode);
          own.inFigure = element.nameIs("figure") || (parent != null && parent.inFigure);
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element) {
          Counts own = stats.counts.computeIfAbsent(element, e -> new Counts());
          countTag(element, own);
          Element parent = element.parent();
          if (parent != null) {
            add(stats.counts.computeIfAbsent(parent, e -> new Counts()), own);
          }
        } else if (node instanceof TextNode textNode && node.parent() instanceof Element parent) {
          Counts parentCounts = stats.counts.computeIfAbsent(parent, e -> new Counts());
          String text = textNode.getWholeText();
          int chars = visibleLength(text);
          parentCounts.textChars += chars;
          parentCounts.commas += commas(text);
          if (parent.nameIs("a")) {
            parentCounts.linkChars += chars;
          }
        }
      }
    }, root);
    return stats;
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
      if (Character.isWhitespace(c) || c == '\u00a0') {
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

  static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case ',', '\uff0c', '\u3001', '\u060c', '\u201a' -> n++;
        default -> { }
      }
    }
    return n;
  }
}

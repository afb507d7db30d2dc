package org.corpuskit.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Cleans the chosen content of what sits inside otherwise good content: link lists, forms, image galleries and
 * widgets (Readability's conditional cleaning), short metadata lines (dates, bylines, share and rating
 * widgets), lines that are all link, and headings that are boilerplate. Thread-safe: stateless.
 */
final class ClutterCleaner {
  private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
  /**
   * Class and id words of the short lines around an article body: dates, bylines, categories, share and rating
   * widgets, post navigation. Whole words, so that {@code metadata-table} or {@code update} stay.
   */
  private static final ClassWords METADATA = new ClassWords(
      "(?i)(^|[-_\\s])(date|dateline|datum|time|timestamp|posted|postmeta|meta|byline|author|authors|categor(y|ies)"
          + "|tags?|breadcrumbs?|share|sharing|social|rating|related|navigation|nav|pagination|print|comments?"
          + "|comment-count|subline|kicker)([-_\\s]|$)");
  private static final int MAX_METADATA_CHARS = 120;
  private static final double LINK_LINE_DENSITY = 0.9;

  private ClutterCleaner() {}

  /** Removes the link lists, forms, image galleries and widgets that sit inside otherwise good content. */
  static void cleanConditionally(Element content, NodeStats stats, TreeEdits edits) {
    edits.removeAll(outermost(content, element -> isClutterOrMetadata(element, stats)));
    edits.removeAll(content.select(HEADINGS).stream()
        .filter(heading -> ContentSelector.classWeight(heading) < 0 || stats.linkDensity(heading) > 0.33)
        .toList());
  }

  private static boolean isClutterOrMetadata(Element element, NodeStats stats) {
    boolean container = switch (element.normalName()) {
      case "form", "fieldset", "table", "ul", "ol", "div", "section", "header", "dl" -> true;
      default -> false;
    };
    return (container && isClutter(element, stats)) || isMetadataLine(element, stats) || isLinkLine(element, stats);
  }

  /** A paragraph, list item or heading that is all link: the title of another article, a "read more". */
  private static boolean isLinkLine(Element element, NodeStats stats) {
    boolean line = switch (element.normalName()) {
      case "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd" -> true;
      default -> false;
    };
    return line && stats.of(element).textChars > 0 && stats.linkDensity(element) >= LINK_LINE_DENSITY;
  }

  private static boolean isMetadataLine(Element element, NodeStats stats) {
    if (element.nameIs("time")) {
      return stats.of(element).textChars < MAX_METADATA_CHARS;
    }
    if (stats.of(element).headings > 0) {
      return false;
    }
    return stats.of(element).textChars < MAX_METADATA_CHARS
        && (METADATA.find(element.className()) || METADATA.find(element.id()));
  }

  private static boolean isClutter(Element element, NodeStats stats) {
    int weight = ContentSelector.classWeight(element);
    if (weight < 0) {
      return true;
    }
    NodeStats.Counts c = stats.of(element);
    if (c.commas + c.listCommas >= 10) {
      return false;
    }
    if (c.inCode) {
      return false;
    }
    boolean isList = element.nameIs("ul") || element.nameIs("ol") || element.nameIs("dl");
    double linkDensity = stats.linkDensity(element);
    int paragraphs = c.paragraphs;
    int listItems = c.listItems - 100;
    if (element.nameIs("table")) {
      return linkDensity > 0.5 || c.inputs > 0;
    }
    if (c.images > 1 && (double) paragraphs / c.images < 0.5 && !c.inFigure) {
      return true;
    }
    if (!isList && listItems > paragraphs) {
      return true;
    }
    if (c.inputs > paragraphs / 3 && c.inputs > 0) {
      return true;
    }
    if (!isList && c.textChars < 25 && (c.images == 0 || c.images > 2) && !c.inFigure
        && c.headings == 0) {
      return true;
    }
    if (isList && linkDensity > 0.5 && c.textChars < 800) {
      return true;
    }
    if (!isList && weight < 25 && linkDensity > 0.2) {
      return true;
    }
    if (weight >= 25 && linkDensity > 0.5) {
      return true;
    }
    return (c.embeds == 1 && c.textChars < 75) || c.embeds > 1;
  }

  /**
   * The outermost elements under {@code root} that {@code test} accepts, in document order: one walk that does
   * not enter an accepted element, so nested matches cost nothing and need no ancestor checks.
   */
  private static List<Element> outermost(Element root, Predicate<Element> test) {
    List<Element> found = new ArrayList<>();
    NodeTraversor.filter((node, depth) -> {
      if (!(node instanceof Element element)) {
        return NodeFilter.FilterResult.SKIP_ENTIRELY;
      }
      if (element != root && test.test(element)) {
        found.add(element);
        return NodeFilter.FilterResult.SKIP_ENTIRELY;
      }
      return NodeFilter.FilterResult.CONTINUE;
    }, root);
    return found;
  }
}

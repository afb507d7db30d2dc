package org.corpuskit.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * The elements to drop from every attempt (outermost only), and outside them the outermost elements that look
 * unlikely to be content, which the strictest attempt removes: one walk for both. The vocabulary is here:
 * elements and roles that never hold main content, hidden ones, and Readability's class and id words of
 * boilerplate. Immutable once found.
 */
record Boilerplate(List<Element> dropped, List<Element> unlikely) {
  /** Elements that never hold main content, dropped before anything else looks at the page. */
  private static final Set<String> DROPPED_TAGS = Set.of(
      "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio",
      "figcaption", "button", "input", "select", "textarea", "option", "label", "link", "meta", "nav", "footer",
      "menu", "dialog");
  private static final Set<String> DROPPED_ROLES = Set.of(
      "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar");
  private static final Pattern HIDDEN_STYLE =
      Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  /** Class and id words of boilerplate; Readability's list, extended with cookie, share and recommendation widgets. */
  private static final ClassWords UNLIKELY = new ClassWords(
      "-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends"
          + "|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break"
          + "|agegate|pagination|pager|popup|yom-remote|cookie|consent|newsletter|share|sharing|subscri|promo"
          + "|outbrain|taboola|recommend|masthead|navbar|topbar|signup|paywall|byline|author-info|tag-list|tags"
          + "|navigation|nav-links|post-nav|rating|print-?link|kommentar|commentaire|comentario|upsell|cross-?sell"
          + "|same-topic|next-?post|prev-?post|nextstory|alert|copyright|linkbox|savoir-?plus|untertitel");
  private static final ClassWords MAYBE = new ClassWords(
      "and|article|body|column|content|main|shadow|post|entry|story|text");
  private static final Evaluator IN_TABLE_OR_CODE = QueryParser.parse("table, code, pre");

  static Boilerplate find(Element body) {
    Boilerplate found = new Boilerplate(new ArrayList<>(), new ArrayList<>());
    NodeTraversor.filter(new NodeFilter() {
      private Element unlikely;

      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element element)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (element == body) {
          return FilterResult.CONTINUE;
        }
        if (isDropped(element)) {
          found.dropped.add(element);
          return FilterResult.SKIP_ENTIRELY;
        }
        // Inside an unlikely element only dropped ones are looked for: the lenient attempts keep it.
        if (unlikely == null && isUnlikely(element)) {
          found.unlikely.add(element);
          unlikely = element;
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node == unlikely) {
          unlikely = null;
        }
        return FilterResult.CONTINUE;
      }
    }, body);
    return found;
  }

  static boolean isDropped(Element element) {
    if (DROPPED_TAGS.contains(element.normalName())) {
      return true;
    }
    if (element.attributesSize() == 0) {
      return false;
    }
    if (element.hasAttr("hidden") || element.attr("aria-hidden").equalsIgnoreCase("true")
        || DROPPED_ROLES.contains(element.attr("role").strip().toLowerCase(Locale.ROOT))
        || element.attr("itemprop").equalsIgnoreCase("comment")) {
      return true;
    }
    String style = element.attr("style");
    return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
  }

  static boolean isUnlikely(Element element) {
    if (element.nameIs("a") || element.nameIs("article") || element.nameIs("main")) {
      return false;
    }
    if (!element.nameIs("aside")) {
      String className = element.className();
      String id = element.id();
      if (!(UNLIKELY.find(className) || UNLIKELY.find(id)) || MAYBE.find(className) || MAYBE.find(id)) {
        return false;
      }
    }
    return element.nameIs("table") || element.closest(IN_TABLE_OR_CODE) == null;
  }
}

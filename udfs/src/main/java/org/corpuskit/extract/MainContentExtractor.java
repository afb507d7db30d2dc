package org.corpuskit.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Extracts the main content of an HTML page: the article, post or documentation body, without navigation,
 * menus, footers, cookie banners, ads, comment threads and scripts.
 *
 * <p>The method is a content-scoring one in the line of Readability, written for this project: boilerplate is
 * removed by element and by class and id words, every paragraph-like block scores its ancestors by its length
 * and commas, the best-scoring container (with its sibling blocks that look like more of the same) is kept,
 * and it is cleaned of link lists, forms and widgets before being rendered by {@link TextRenderer}. Lines made
 * of links are left out. A page where no attempt finds {@link Prose} is rendered whole, and if that has none
 * either it is {@link Extraction#boilerplateOnly()}.
 *
 * <p>Thread-safe: an instance holds only immutable configuration, and every call works on its own tree.
 */
public final class MainContentExtractor {
  /** Written into every document so that a change of method can be traced in the output. */
  public static final String VERSION = "corpus-mce/2";

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
  private static final ClassWords POSITIVE = new ClassWords(
      "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|rich");
  private static final ClassWords NEGATIVE = new ClassWords(
      "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead"
          + "|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags"
          + "|cookie|newsletter|subscribe|caption|credit|byline|author|dateline|timestamp|social|kommentar"
          + "|commentaire|comentario|upsell|copyright|teaser|linkbox|alert");
  /**
   * What names the main content on most sites, strongest first: publishing systems' article bodies, then
   * {@code <article>}, then story and column names, then generic content and main areas. The same tiers as
   * trafilatura's body expressions, as regular expressions over class and id, element names and roles.
   */
  private static final List<ContentHint> CONTENT_HINTS = List.of(
      new ContentHint(new ClassWords("post[-_]?(text|body|entry|content)|postcontent|article[-_]?(text|content|body)"
          + "|article__(content|body|container)|entry-content|articlebody|page-content|text-content|body-text"
          + "|art-content|rich-text|story-?body|article-section"), null, null, "articleBody"),
      new ContentHint(null, "article", null, null),
      new ContentHint(new ClassWords("post-bodycopy|story-?content|postarea|theme-content|blog-content|section-content"
          + "|single-content|single-post|main-column|wpb_text_column|^primary|^article |^text$|^article$|^story$"
          + "|field-body|fulltext"), null, "article", null),
      new ContentHint(new ClassWords(
          "content[-_]?main|content[-_]?body|contentbody|content__body|main-?content|^content$"), null, null, null),
      new ContentHint(new ClassWords("^main"), "main", null, null));
  /** Any tier's class and id words: most containers match none, and one look-up each settles it. */
  private static final ClassWords ANY_CONTENT_HINT = new ClassWords(String.join("|",
      CONTENT_HINTS.stream().filter(hint -> hint.words() != null).map(hint -> hint.words().regex()).toList()));

  /** A tier of {@link #CONTENT_HINTS}: class or id words, or an element name, role or itemprop; null for none. */
  private record ContentHint(ClassWords words, String tag, String role, String itemprop) {
    /** {@code named} is whether the class or id matches {@link #ANY_CONTENT_HINT}. */
    boolean matches(Element element, boolean named) {
      return tag != null && element.nameIs(tag)
          || element.attributesSize() > 0 && (role != null && role.equalsIgnoreCase(element.attr("role"))
              || itemprop != null && itemprop.equalsIgnoreCase(element.attr("itemprop"))
              || named && words != null && (words.find(element.id()) || words.find(element.className())));
    }
  }
  private static final int MIN_HINTED_CHARS = 200;
  private static final Evaluator IN_TABLE_OR_CODE = QueryParser.parse("table, code, pre");
  private static final Evaluator HTML = QueryParser.parse("html");
  private static final Evaluator SOCIAL_TITLE = QueryParser.parse("meta[property=og:title], meta[name=twitter:title]");
  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator H2 = QueryParser.parse("h2");
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
  private static final int MIN_LIST_COMMAS = 3;
  private static final int MAX_TRAILING_LABEL_CHARS = 40;
  private static final int MAX_DATE_LINE_CHARS = 80;
  /** A date in digits (23.10.2018, 2018-10-23, 10/23/2018) or a month name with a year, anywhere in the block. */
  private static final Pattern DATE_LINE = Pattern.compile(
      "\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|(?i)\\b(jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zé]*\\.?\\s+\\d{1,2},?\\s+\\d{4}\\b|\\b\\d{1,2}\\.?\\s+(jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zé]*\\.?\\s+\\d{4}\\b");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？…]['\"”’»)]?\\s*$");

  private final int maxDepth;

  /** An extractor that parses at most 512 elements deep, which no real page needs and a nesting bomb exceeds. */
  public MainContentExtractor() {
    this(512);
  }

  /**
   * @param maxDepth the deepest element nesting the parser builds; deeper elements are attached at that depth,
   *     which bounds the work on a page built to nest without end
   */
  public MainContentExtractor(int maxDepth) {
    if (maxDepth < 16) {
      throw new IllegalArgumentException("maxDepth must be at least 16, got " + maxDepth);
    }
    this.maxDepth = maxDepth;
  }

  /** Parses {@code html} (a whole page) and extracts its main content; {@code baseUrl} may be empty. */
  public Extraction extract(String html, String baseUrl) {
    if (html == null || baseUrl == null) {
      throw new IllegalArgumentException("html and baseUrl must not be null");
    }
    Parser parser = Parser.htmlParser().setMaxDepth(maxDepth);
    return extract(Jsoup.parse(html, baseUrl, parser));
  }

  /** Extracts the main content of a parsed page. The document is modified: pass a copy to keep the original. */
  public Extraction extract(Document doc) {
    String title = title(doc);
    Element html = doc.selectFirst(HTML);
    String lang = html == null ? "" : html.attr("lang").strip();
    Element body = doc.body();
    boolean hasText = body.hasText();
    Boilerplate boilerplate = Boilerplate.find(body);
    new TreeEdits().removeAll(boilerplate.dropped());
    TreeEdits edits = new TreeEdits();
    TextRenderer.Rendering best = null;
    for (Strictness strictness : Strictness.values()) {
      edits.undo();
      if (strictness.stripUnlikely) {
        edits.removeAll(boilerplate.unlikely());
      }
      TextRenderer.Rendering rendering = extractFrom(body, title, strictness, edits);
      if (best == null || isBetter(rendering, best)) {
        best = rendering;
      }
      if (best.hasProse() && best.text().length() >= MIN_CONFIDENT_CHARS) {
        break;
      }
    }
    if (!best.hasProse()) {
      edits.undo();
      // No container held prose, but a page's only sentences can sit in headings or loose in the body.
      TextRenderer.Rendering whole = render(body);
      if (whole.hasProse()) {
        best = whole;
      }
    }
    return new Extraction(title, best.text(), lang, hasText && !best.hasProse());
  }

  /**
   * Prose beats no prose, so that a lenient attempt that finds a paragraph replaces a strict one that kept only a
   * pager; otherwise a lenient attempt must be {@link #RELAXED_GAIN} times longer.
   */
  private static boolean isBetter(TextRenderer.Rendering lenient, TextRenderer.Rendering strict) {
    if (lenient.hasProse() != strict.hasProse()) {
      return lenient.hasProse();
    }
    return lenient.text().length() > strict.text().length() * RELAXED_GAIN;
  }

  /**
   * The elements to drop from every attempt (outermost only), and outside them the outermost elements that look
   * unlikely to be content, which the strictest attempt removes: one walk for both.
   */
  private record Boilerplate(List<Element> dropped, List<Element> unlikely) {
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

  private static boolean isDropped(Element element) {
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

  /**
   * How hard to look for boilerplate. Each step is tried only when the stricter ones before it kept no prose or
   * less than {@link #MIN_CONFIDENT_CHARS}, which happens when a class word misleads (a content column called
   * {@code theiaStickySidebar}) rather than when the page is short; see {@link #isBetter} for which result wins.
   * The steps share the page's tree: each undoes the removals of the one before.
   */
  private enum Strictness {
    ALL_CHECKS(true, true),
    KEEP_UNLIKELY_CLASSES(false, true),
    KEEP_CLUTTER(false, false);

    final boolean stripUnlikely;
    final boolean cleanConditionally;

    Strictness(boolean stripUnlikely, boolean cleanConditionally) {
      this.stripUnlikely = stripUnlikely;
      this.cleanConditionally = cleanConditionally;
    }
  }

  private static final int MIN_CONFIDENT_CHARS = 500;
  /**
   * How much longer a less strict attempt must be to replace a stricter one: a short page stays short when the
   * checks are relaxed, so a modest gain is boilerplate let back in, not content found.
   */
  private static final double RELAXED_GAIN = 2.0;

  private static TextRenderer.Rendering extractFrom(
      Element body, String title, Strictness strictness, TreeEdits edits) {
    NodeStats stats = NodeStats.compute(body);
    Element content = selectContent(body, stats);
    if (strictness.cleanConditionally) {
      // Merged sibling blocks are copies in a new container, which the page's counts do not cover.
      cleanConditionally(content, content.parent() == null ? NodeStats.compute(content) : stats, edits);
    }
    removeTitleHeading(content, title, edits);
    return render(content);
  }

  private static TextRenderer.Rendering render(Element content) {
    TextRenderer.Rendering rendering = TextRenderer.render(content);
    return new TextRenderer.Rendering(withoutTrailingLabels(withoutDateLines(rendering.text())), rendering.hasProse());
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

  private static String title(Document doc) {
    Element og = doc.selectFirst(SOCIAL_TITLE);
    if (og != null && !og.attr("content").isBlank()) {
      return og.attr("content").strip();
    }
    String title = doc.title().strip();
    if (!title.isEmpty()) {
      return title;
    }
    Element h1 = doc.selectFirst(H1);
    return h1 == null ? "" : h1.text().strip();
  }

  private static boolean isUnlikely(Element element) {
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

  /** The container of the main content: a hinted one if any, else the best-scoring element and its kin. */
  private static Element selectContent(Element body, NodeStats stats) {
    Map<Element, Double> scores = scoreCandidates(body, stats);
    Element top = topCandidate(body, scores, stats);
    Element hinted = hintedContainer(stats);
    if (hinted != null && prefersHint(hinted, top, stats)) {
      return hinted;
    }
    return top == body ? body : withContinuingSiblings(top, scores, stats);
  }

  /**
   * A hint that contains the best-scoring element is taken; one inside it is taken unless it is only a lead
   * (under half the text); one elsewhere on the page is taken only when it holds more text outside links.
   */
  private static boolean prefersHint(Element hinted, Element top, NodeStats stats) {
    if (isAncestor(hinted, top)) {
      return true;
    }
    if (isAncestor(top, hinted)) {
      return stats.of(hinted).textChars * 2 >= stats.of(top).textChars;
    }
    return ownText(hinted, stats) >= ownText(top, stats);
  }

  private static double ownText(Element element, NodeStats stats) {
    NodeStats.Counts c = stats.of(element);
    return c.textChars - c.linkChars;
  }

  private static boolean isAncestor(Element ancestor, Element element) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (parent == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The container matching the strongest tier of {@link #CONTENT_HINTS}, the first in the page among equals. */
  private static Element hintedContainer(NodeStats stats) {
    Element hinted = null;
    int hintedTier = CONTENT_HINTS.size();
    for (Element element : stats.elements()) {
      switch (element.normalName()) {
        case "article", "div", "main", "section" -> { }
        default -> {
          continue;
        }
      }
      boolean named = ANY_CONTENT_HINT.find(element.id()) || ANY_CONTENT_HINT.find(element.className());
      int tier = 0;
      while (tier < hintedTier && !CONTENT_HINTS.get(tier).matches(element, named)) {
        tier++;
      }
      if (tier < hintedTier && stats.of(element).textChars >= MIN_HINTED_CHARS && stats.linkDensity(element) < 0.5) {
        hinted = element;
        hintedTier = tier;
      }
    }
    return hinted;
  }

  /** The best-scoring element, the first in the page among equals, so that ties do not depend on hash order. */
  private static Element topCandidate(Element body, Map<Element, Double> scores, NodeStats stats) {
    Element top = null;
    double topScore = 0;
    for (Element element : stats.elements()) {
      Double score = scores.get(element);
      if (score != null && (top == null || score > topScore)) {
        top = element;
        topScore = score;
      }
    }
    return top == null || top == body ? body : climbWhileParentIsBetter(top, scores);
  }

  private static Map<Element, Double> scoreCandidates(Element body, NodeStats stats) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element block : stats.elements()) {
      if (!isScorable(block)) {
        continue;
      }
      NodeStats.Counts counts = stats.of(block);
      if (counts.textChars < 25 || isNameList(counts)) {
        continue;
      }
      double score = 1 + counts.commas + Math.min(counts.textChars / 100, 3);
      Element ancestor = block.parent();
      for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
        Element candidate = ancestor;
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        Double old = scores.get(candidate);
        scores.put(candidate, (old == null ? initialScore(candidate) : old) + score / divider);
        if (candidate == body) {
          break;
        }
      }
    }
    scores.replaceAll((element, score) -> score * (1 - stats.linkDensity(element)));
    return scores;
  }

  /** A block of names or keywords between commas ("Kyle Lo, Joseph Chee Chang, Andrew Head, ..."), not prose. */
  private static boolean isNameList(NodeStats.Counts counts) {
    return counts.listCommas >= MIN_LIST_COMMAS && counts.listCommas > counts.commas;
  }

  private static boolean isScorable(Element element) {
    return switch (element.normalName()) {
      case "p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6", "blockquote" -> true;
      case "div" -> !hasBlockChild(element) || hasOwnText(element);
      default -> false;
    };
  }

  private static boolean hasBlockChild(Element element) {
    for (Element child = element.firstElementChild(); child != null; child = child.nextElementSibling()) {
      switch (child.normalName()) {
        case "p", "div", "section", "article", "table", "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4",
            "h5", "h6", "dl", "figure", "main", "header" -> {
          return true;
        }
        default -> { }
      }
    }
    return false;
  }

  private static boolean hasOwnText(Element element) {
    for (int i = 0; i < element.childNodeSize(); i++) {
      if (element.childNode(i) instanceof TextNode text && NodeStats.visibleLength(text.getWholeText()) > 40) {
        return true;
      }
    }
    return false;
  }

  private static double initialScore(Element element) {
    double score = switch (element.normalName()) {
      case "div", "article", "main" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return score + classWeight(element);
  }

  private static int classWeight(Element element) {
    int weight = 0;
    for (String value : new String[] {element.className(), element.id()}) {
      if (value.isEmpty()) {
        continue;
      }
      if (NEGATIVE.find(value)) {
        weight -= 25;
      }
      if (POSITIVE.find(value)) {
        weight += 25;
      }
    }
    if (element.nameIs("article") || element.attr("itemprop").equals("articleBody")) {
      weight += 25;
    }
    return weight;
  }

  /**
   * Content split over several sibling containers scores each of them lower than their common parent would;
   * moving up while the parent scores at least as well as the child keeps all of it.
   */
  private static Element climbWhileParentIsBetter(Element top, Map<Element, Double> scores) {
    double topScore = scores.get(top);
    Element parent = top.parent();
    double lastScore = topScore;
    while (parent != null && !parent.nameIs("body") && !parent.nameIs("html")) {
      Double parentScore = scores.get(parent);
      if (parentScore == null || parentScore < topScore / 3) {
        break;
      }
      if (parentScore > lastScore) {
        top = parent;
        break;
      }
      lastScore = parentScore;
      parent = parent.parent();
    }
    return top;
  }

  private static Element withContinuingSiblings(Element top, Map<Element, Double> scores, NodeStats stats) {
    Element parent = top.parent();
    if (parent == null) {
      return top;
    }
    double topScore = scores.getOrDefault(top, 0.0);
    double threshold = Math.max(10, topScore * 0.2);
    List<Element> kept = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top || continues(sibling, top, topScore, threshold, scores, stats)) {
        kept.add(sibling);
      }
    }
    if (kept.size() == 1) {
      return top;
    }
    Element container = new Element("div");
    kept.forEach(element -> container.appendChild(element.clone()));
    return container;
  }

  private static boolean continues(
      Element sibling, Element top, double topScore, double threshold, Map<Element, Double> scores,
      NodeStats stats) {
    double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
    Double score = scores.get(sibling);
    if (score != null && score + bonus >= threshold) {
      return true;
    }
    if (!sibling.nameIs("p")) {
      return false;
    }
    NodeStats.Counts counts = stats.of(sibling);
    double linkDensity = stats.linkDensity(sibling);
    if (counts.textChars > 80) {
      return linkDensity < 0.25;
    }
    return counts.textChars > 0 && linkDensity == 0 && SENTENCE_END.matcher(sibling.text()).find();
  }

  /** Removes the link lists, forms, image galleries and widgets that sit inside otherwise good content. */
  private static void cleanConditionally(Element content, NodeStats stats, TreeEdits edits) {
    edits.removeAll(outermost(content, element -> isClutterOrMetadata(element, stats)));
    edits.removeAll(content.select(HEADINGS).stream()
        .filter(heading -> classWeight(heading) < 0 || stats.linkDensity(heading) > 0.33)
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
    int weight = classWeight(element);
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
   * The headline is the title field, not part of the text: the content's first h1 goes, and so does an h2 that
   * repeats the title.
   */
  private static void removeTitleHeading(Element content, String title, TreeEdits edits) {
    Element h1 = content.selectFirst(H1);
    if (h1 != null) {
      edits.remove(h1);
      return;
    }
    if (title.isEmpty()) {
      return;
    }
    for (Element heading : content.select(H2)) {
      String text = heading.text().strip();
      if (!text.isEmpty() && (title.contains(text) || text.contains(title))) {
        edits.remove(heading);
        return;
      }
    }
  }
}

package org.corpuskit.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Chooses the container of a page's main content, in the line of Readability: every paragraph-like block scores
 * its ancestors by its length and commas (a list of names between commas scores nothing), weighted by class and
 * id words and lowered by link density; the best-scoring container is kept with the sibling blocks that look
 * like more of the same. A container named as content by publishing systems (trafilatura's tiers) is preferred
 * where it holds the text. Thread-safe: stateless.
 */
final class ContentSelector {
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
  private static final int MIN_LIST_COMMAS = 3;

  private ContentSelector() {}

  /** The container of the main content: a hinted one if any, else the best-scoring element and its kin. */
  static Element selectContent(Element body, NodeStats stats) {
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

  static int classWeight(Element element) {
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
    return counts.textChars > 0 && linkDensity == 0 && TextRenderer.SENTENCE_END.matcher(sibling.text()).find();
  }
}

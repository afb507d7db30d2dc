package org.corpuskit.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Extracts the main content of an HTML page: the article, post or documentation body, without navigation,
 * menus, footers, cookie banners, ads, comment threads and scripts.
 *
 * <p>The method is a content-scoring one in the line of Readability, written for this project: boilerplate is
 * removed by element and by class and id words ({@link Boilerplate}), the best-scoring container is chosen
 * ({@link ContentSelector}) and cleaned of link lists, forms and widgets ({@link ClutterCleaner}) before being
 * rendered by {@link TextRenderer}; lines made of links are left out. This class holds the attempts, from the
 * strictest to the most lenient. A page where no attempt finds {@link Prose} is rendered whole, and if that has
 * none either it is {@link Extraction#boilerplateOnly()}.
 *
 * <p>Thread-safe: an instance holds only immutable configuration, and every call works on its own tree.
 */
public final class MainContentExtractor {
  /** Written into every document so that a change of method can be traced in the output. */
  public static final String VERSION = "corpus-mce/2";

  private static final Evaluator HTML = QueryParser.parse("html");
  private static final Evaluator SOCIAL_TITLE = QueryParser.parse("meta[property=og:title], meta[name=twitter:title]");
  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator H2 = QueryParser.parse("h2");

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
    Element content = ContentSelector.selectContent(body, stats);
    if (strictness.cleanConditionally) {
      // Merged sibling blocks are copies in a new container, which the page's counts do not cover.
      ClutterCleaner.cleanConditionally(content, content.parent() == null ? NodeStats.compute(content) : stats, edits);
    }
    removeTitleHeading(content, title, edits);
    return render(content);
  }

  private static TextRenderer.Rendering render(Element content) {
    TextRenderer.Rendering rendering = TextRenderer.render(content);
    return new TextRenderer.Rendering(TextRenderer.withoutTrailingLabels(TextRenderer.withoutDateLines(
        rendering.text())), rendering.hasProse());
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

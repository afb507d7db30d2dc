package org.corpuskit.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Examples for a quality classifier from an extraction gold set: pieces of each page's gold article body are
 * positive examples, and pieces of the rest of its text, the lines of the page that are not in the body (menus,
 * footers, link lists, teasers, notices), negative ones. A line is the own text of an element; one that occurs
 * in the body, or has fewer than 3 characters, is left out. Lines are grouped in order into pieces of about
 * {@value #PIECE_CHARS} characters, so that both classes have documents of like length and a page gives several.
 */
public final class ClassifierExamples {
  /** Pieces of about this many characters; a shorter last piece is kept when it has a third of that. */
  static final int PIECE_CHARS = 1000;

  /** One page's pieces of body and of boilerplate. */
  public record Example(String id, List<String> body, List<String> boilerplate) {}

  private ClassifierExamples() {}

  /** The examples of the pages of {@code set} that have a gold body and HTML. */
  public static List<Example> of(GoldSet set) {
    List<Example> examples = new ArrayList<>();
    for (GoldPage page : set.pages()) {
      if (page.body() == null || page.body().isBlank()) {
        continue;
      }
      String body = normalize(page.body());
      List<String> bodyLines = page.body().lines().map(ClassifierExamples::normalize).filter(l -> !l.isEmpty())
          .toList();
      Set<String> lines = new LinkedHashSet<>();
      for (Element element : Jsoup.parse(ExtractionEval.readHtml(page)).body().getAllElements()) {
        String line = normalize(element.ownText());
        if (line.length() >= 3 && !body.contains(line)) {
          lines.add(line);
        }
      }
      examples.add(new Example(page.id(), pieces(bodyLines), pieces(lines)));
    }
    return examples;
  }

  static List<String> pieces(Iterable<String> lines) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (String line : lines) {
      piece.append(piece.length() == 0 ? "" : "\n").append(line);
      if (piece.length() >= PIECE_CHARS) {
        pieces.add(piece.toString());
        piece.setLength(0);
      }
    }
    if (piece.length() >= PIECE_CHARS / 3) {
      pieces.add(piece.toString());
    }
    return pieces;
  }

  private static String normalize(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}

package org.corpuskit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A gold set for main-content extraction, in one of the two formats it is published in:
 * <ul>
 *   <li>the article-extraction-benchmark: a folder with {@code ground-truth.json} ({@code {id: {articleBody,
 *       url}}}) and {@code html/<id>.html.gz}; scored by {@link ShingleMatch};</li>
 *   <li>trafilatura's evaldata: {@code evaldata.json} ({@code {url: {file, with: [...], without: [...]}}}) with
 *       the HTML files in {@code cache/} or {@code eval/} beside it; scored by snippets found or not. Entries
 *       whose HTML is absent are left out and counted.</li>
 * </ul>
 *
 * @param format which of the two
 * @param pages the pages that can be scored
 * @param missing how many entries were left out because their HTML file is absent
 */
public record GoldSet(Format format, List<GoldPage> pages, int missing) {
  public enum Format { ARTICLE_BODY, SNIPPETS }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads a gold set from its folder or its JSON file, recognising the format by its files. */
  public static GoldSet load(Path path) {
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    try {
      if (Files.exists(dir.resolve("ground-truth.json"))) {
        return articleBody(dir);
      }
      if (Files.exists(dir.resolve("evaldata.json"))) {
        return snippets(dir);
      }
      if (Files.exists(dir.resolve("tests/evaldata.json"))) {
        return snippets(dir.resolve("tests"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gold set " + path, e);
    }
    throw new IllegalArgumentException(
        path + " is not a gold set: expected ground-truth.json (article-extraction-benchmark) or evaldata.json"
            + " (trafilatura) in it");
  }

  /** Scores {@code extractor} (HTML file to text) on every page. */
  public Scores score(Function<GoldPage, String> extractor) {
    return format == Format.ARTICLE_BODY ? scoreArticleBodies(extractor) : scoreSnippets(extractor);
  }

  private Scores scoreArticleBodies(Function<GoldPage, String> extractor) {
    double precision = 0;
    int precisionPages = 0;
    double recall = 0;
    int recallPages = 0;
    for (GoldPage page : pages) {
      ShingleMatch match = ShingleMatch.of(page.body(), extractor.apply(page));
      if (!Double.isNaN(match.precision())) {
        precision += match.precision();
        precisionPages++;
      }
      if (!Double.isNaN(match.recall())) {
        recall += match.recall();
        recallPages++;
      }
    }
    return Scores.of(pages.size(), precision / Math.max(1, precisionPages), recall / Math.max(1, recallPages));
  }

  private Scores scoreSnippets(Function<GoldPage, String> extractor) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (GoldPage page : pages) {
      String text = extractor.apply(page);
      for (String snippet : page.with()) {
        if (text.contains(snippet)) {
          tp++;
        } else {
          fn++;
        }
      }
      for (String snippet : page.without()) {
        if (text.contains(snippet)) {
          fp++;
        }
      }
    }
    return Scores.of(pages.size(), tp + fp == 0 ? 0 : (double) tp / (tp + fp), tp + fn == 0 ? 0 : (double) tp / (tp + fn));
  }

  private static GoldSet articleBody(Path dir) throws IOException {
    JsonNode root = JSON.readTree(dir.resolve("ground-truth.json").toFile());
    List<GoldPage> pages = new ArrayList<>();
    int missing = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Path html = dir.resolve("html").resolve(entry.getKey() + ".html.gz");
      if (!Files.exists(html)) {
        html = dir.resolve("html").resolve(entry.getKey() + ".html");
      }
      if (!Files.exists(html)) {
        missing++;
        continue;
      }
      JsonNode value = entry.getValue();
      pages.add(new GoldPage(entry.getKey(), value.path("url").asText(""), html,
          value.path("articleBody").asText(""), List.of(), List.of()));
    }
    return new GoldSet(Format.ARTICLE_BODY, List.copyOf(pages), missing);
  }

  private static GoldSet snippets(Path dir) throws IOException {
    JsonNode root = JSON.readTree(dir.resolve("evaldata.json").toFile());
    List<GoldPage> pages = new ArrayList<>();
    int missing = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      String file = value.path("file").asText("");
      Path html = file.isEmpty() ? null : firstExisting(dir.resolve("cache").resolve(file), dir.resolve("eval").resolve(file));
      if (html == null) {
        missing++;
        continue;
      }
      pages.add(new GoldPage(entry.getKey(), entry.getKey(), html, null, strings(value.path("with")),
          strings(value.path("without"))));
    }
    return new GoldSet(Format.SNIPPETS, List.copyOf(pages), missing);
  }

  private static Path firstExisting(Path... candidates) {
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return List.copyOf(values);
  }
}

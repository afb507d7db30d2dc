package org.corpuskit.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import org.corpuskit.archive.CharsetDecoder;
import org.corpuskit.extract.MainContentExtractor;

/** Scores {@link MainContentExtractor} on a gold set. Thread-safe. */
public final class ExtractionEval {
  private final MainContentExtractor extractor;

  public ExtractionEval(MainContentExtractor extractor) {
    if (extractor == null) {
      throw new IllegalArgumentException("extractor must not be null");
    }
    this.extractor = extractor;
  }

  public Scores score(GoldSet gold) {
    return gold.score(this::extract);
  }

  /** The extracted text of one gold page. */
  public String extract(GoldPage page) {
    return extractor.extract(readHtml(page), page.url()).text();
  }

  /** The page's HTML decoded with {@link CharsetDecoder}, un-gzipped when its name ends in {@code .gz}. */
  public static String readHtml(GoldPage page) {
    try (InputStream raw = Files.newInputStream(page.html());
         InputStream in = page.html().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return CharsetDecoder.decode(in.readAllBytes(), null).text();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + page.html(), e);
    }
  }
}

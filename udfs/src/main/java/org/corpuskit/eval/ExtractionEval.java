package org.corpuskit.eval;

import org.corpuskit.extract.HtmlFiles;
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

  /** The page's HTML as text. */
  public static String readHtml(GoldPage page) {
    return HtmlFiles.read(page.html());
  }

}

package org.corpuskit.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * One page of a gold set: its HTML file and what a good extraction of it contains.
 *
 * @param id the page's key in the gold file
 * @param url the page's address, or an empty string
 * @param html the HTML file (plain or gzip)
 * @param body the expected main text (article benchmark), or null for a snippet set
 * @param with snippets that must appear in the extraction (snippet sets)
 * @param without snippets that must not appear (snippet sets)
 */
public record GoldPage(String id, String url, Path html, String body, List<String> with, List<String> without) {
  public GoldPage {
    if (id == null || url == null || html == null || with == null || without == null) {
      throw new IllegalArgumentException("only body may be null");
    }
  }
}

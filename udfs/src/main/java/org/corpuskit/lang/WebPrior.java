package org.corpuskit.lang;

import java.util.List;

/**
 * How much likelier a language is on the web before any letter is read. Common Crawl's language statistics
 * (commoncrawl.github.io/cc-crawl-statistics, pages per language) put some nine pages in ten in its 20 most
 * common languages, an average share of about 4.5 % against 0.2 % or less for each of the others: a ratio of
 * some 20. We use a prior of 5 (1.6 nats) for each chunk, enough to decide between neighbours whose models
 * cannot (Indonesian and Malay: 18 of 24 UDHR paragraphs right without it, 24 with it) and well below the
 * measured ratio, so that Malay, Afrikaans or Slovak text keeps its language (25 of 27 Malay paragraphs, from
 * 27). Thread-safe: constants.
 */
final class WebPrior {
  /** The 20 most common languages of the web by Common Crawl's statistics, as ISO 639-1 codes. */
  static final List<String> MOST_COMMON = List.of(
      "en", "ru", "de", "ja", "zh", "es", "fr", "it", "pt", "nl", "pl", "vi", "tr", "id", "fa", "cs", "sv", "ko",
      "ar", "uk");
  /** ln 5 in {@link NGramTable} units. */
  static final int COMMON = (int) Math.round(Math.log(5) * NGramTable.UNITS_PER_NAT);

  private WebPrior() {}

  /** The log-prior of {@code language}, in {@link NGramTable} units: {@link #COMMON} or 0. */
  static int of(String language) {
    return MOST_COMMON.contains(language) ? COMMON : 0;
  }
}

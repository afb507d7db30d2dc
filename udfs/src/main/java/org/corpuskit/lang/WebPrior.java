package org.corpuskit.lang;

/**
 * How much likelier a language is on the web before any letter is read: a two-tier prior, 5 to 1 for each of the
 * 20 languages Common Crawl's statistics rank first ({@link LanguageIdentifier#MOST_COMMON_ON_THE_WEB}) against
 * every other, added to each chunk's log-likelihoods (1.6 nats). It decides between neighbours the models
 * cannot tell apart: Lingua's Indonesian and Malay models call 6 of 24 UDHR Indonesian paragraphs Malay without
 * it, none with it, while 2 of 27 Malay ones become Indonesian. The ratio was chosen on the UDHR from 1, e, 5
 * and 10 as the smallest that names every Indonesian paragraph, so the accuracy measured there flatters it; on
 * the web, where the 20 languages hold most pages, a text of uncertain language is that much likelier to be one
 * of them. Thread-safe: constants.
 */
final class WebPrior {
  /** ln 5 in {@link NGramTable} units. */
  static final int COMMON = (int) Math.round(Math.log(5) * NGramTable.UNITS_PER_NAT);

  private WebPrior() {}

  /** The log-prior of {@code language}, in {@link NGramTable} units: {@link #COMMON} or 0. */
  static int of(String language) {
    return LanguageIdentifier.MOST_COMMON_ON_THE_WEB.contains(language) ? COMMON : 0;
  }
}

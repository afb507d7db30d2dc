package org.corpuskit.filter;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Banned words in URLs, as datatrove's URL filter uses them (its banned_words, soft_banned_words and
 * banned_subwords lists): a URL is split into its alphanumeric words, lower-cased; a banned word among them, or
 * at least two soft-banned ones, or a banned subword anywhere in the URL with everything but letters and digits
 * removed, marks it. List entries are normalised the same way ("2 girls 1 cup" becomes "2girls1cup"); entries
 * starting with '#' are disabled ones and skipped. Subwords are searched one by one: linear in URL length times
 * the number of subwords (about 130). Immutable and thread-safe once built.
 */
public final class UrlWords implements Tagger, Serializable {
  private static final long serialVersionUID = 1L;
  private static final String SOURCE = "datatrove URLFilter (FineWeb) lists and soft_word_threshold 2";

  public static final List<Rule> RULES = List.of(
      Rule.above("url_banned_word", "url_banned_words", 0, SOURCE),
      Rule.above("url_soft_banned_words", "url_soft_banned_words", 1, SOURCE),
      Rule.above("url_banned_subword", "url_banned_subwords", 0, SOURCE));

  private final HashSet<String> banned = new HashSet<>();
  private final HashSet<String> soft = new HashSet<>();
  private final HashSet<String> subwords = new HashSet<>();

  /** Adds lines of the banned-words list. */
  public UrlWords banned(Iterable<String> lines) {
    addAll(banned, lines);
    return this;
  }

  /** Adds lines of the soft-banned-words list, two of which in one URL mark it. */
  public UrlWords soft(Iterable<String> lines) {
    addAll(soft, lines);
    return this;
  }

  /** Adds lines of the banned-subwords list, matched anywhere in the URL's letters and digits. */
  public UrlWords subwords(Iterable<String> lines) {
    addAll(subwords, lines);
    return this;
  }

  @Override
  public String name() {
    return "url_words";
  }

  @Override
  public List<Signal> signals() {
    return List.of(
        Signal.count("url_banned_words", "Distinct banned words among the URL's words."),
        Signal.count("url_soft_banned_words", "Distinct soft-banned words among the URL's words."),
        Signal.count("url_banned_subwords", "Banned subwords found in the URL's letters and digits."));
  }

  @Override
  public void tag(FilterDoc doc, Signals out) {
    String url = doc.url().toLowerCase(Locale.ROOT);
    HashSet<String> words = new HashSet<>(List.of(url.split("[^a-z0-9]+")));
    int hard = 0;
    int softs = 0;
    for (String word : words) {
      hard += banned.contains(word) ? 1 : 0;
      softs += soft.contains(word) ? 1 : 0;
    }
    String letters = normalise(url);
    int sub = 0;
    for (String subword : subwords) {
      sub += letters.contains(subword) ? 1 : 0;
    }
    out.set("url_banned_words", hard).set("url_soft_banned_words", softs).set("url_banned_subwords", sub);
  }

  private static void addAll(HashSet<String> into, Iterable<String> lines) {
    for (String line : lines) {
      String entry = line.strip();
      if (!entry.isEmpty() && !entry.startsWith("#")) {
        into.add(normalise(entry));
      }
    }
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
  }
}

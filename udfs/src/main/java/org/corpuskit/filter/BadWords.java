package org.corpuskit.filter;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bad words per language from lists in the LDNOOBW format (one file per language, one lower-case entry a line,
 * entries may hold spaces). A document's ratio is the occurrences of listed words or phrases per word. Words
 * are the shared splitter's; a phrase is matched as consecutive words, and for languages written without spaces
 * (zh, ja, th) as a substring of the text, as C4 does. Linear in the text times the longest phrase. Immutable
 * and thread-safe once built.
 */
public final class BadWords implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Set<String> UNSPACED = Set.of("zh", "ja", "th");
  /**
   * Entries C4 leaves out because, matched as substrings, they are parts of ordinary words: 性 ("nature", as in
   * 可能性) and, for Japanese, sm, グロ, 女の子.
   */
  private static final Map<String, Set<String>> ALLOWED = Map.of("zh", Set.of("性"), "ja", Set.of("sm", "グロ", "女の子"));
  private static final String SOURCE = "C4 (Raffel et al. 2020): any word of the LDNOOBW list rejects";

  public static final List<Rule> RULES = List.of(Rule.above("bad_words", "bad_words_ratio", 0, SOURCE));

  private final HashMap<String, HashSet<String>> byLanguage = new HashMap<>();

  /** Adds the lines of one language's list. */
  public BadWords add(String lang, Iterable<String> lines) {
    HashSet<String> words = byLanguage.computeIfAbsent(lang, l -> new HashSet<>());
    Set<String> allowed = ALLOWED.getOrDefault(lang, Set.of());
    for (String line : lines) {
      String entry = line.strip().toLowerCase(Locale.ROOT);
      if (!entry.isEmpty() && !allowed.contains(entry)) {
        words.add(entry);
      }
    }
    return this;
  }

  static Signal signal() {
    return Signal.ratio("bad_words_ratio", "Occurrences of the language's listed bad words or phrases per word; "
        + "null when there is no list for the language.");
  }

  /** Sets {@code bad_words_ratio} for a document in {@code lang}. */
  void tag(FilterDoc doc, String lang, Signals out) {
    Set<String> words = byLanguage.get(lang);
    if (words == null) {
      out.set("bad_words_ratio", null);
      return;
    }
    int hits = 0;
    if (UNSPACED.contains(lang)) {
      String text = doc.text().toLowerCase(Locale.ROOT);
      for (String word : words) {
        hits += GopherQuality.occurrences(text, word);
      }
    } else {
      List<String> tokens = doc.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
      Map<Integer, Boolean> lengths = new HashMap<>();
      words.forEach(w -> lengths.put(w.split(" ").length, true));
      for (int n : lengths.keySet()) {
        for (int i = 0; i + n <= tokens.size(); i++) {
          if (words.contains(String.join(" ", tokens.subList(i, i + n)))) {
            hits++;
          }
        }
      }
    }
    out.set("bad_words_ratio", doc.words().isEmpty() ? (double) hits : (double) hits / doc.words().size());
  }
}

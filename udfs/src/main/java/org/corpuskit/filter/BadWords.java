package org.corpuskit.filter;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bad words per language from lists in the LDNOOBW format (one file per language, one lower-case entry a line,
 * entries may hold spaces). A document's ratio is the occurrences of listed words or phrases per word. Words
 * are the shared splitter's; a phrase is matched as consecutive words, and for languages written without spaces
 * (zh, ja, th) as a substring of the text, as C4 does. For spaced languages, linear in the words: a phrase is
 * only looked up where a word starts one. For unspaced ones, the text is scanned once per entry. Immutable and
 * thread-safe once built.
 */
public final class BadWords implements Tagger, Serializable {
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
  /** Per language, the first words of its entries and each entry's length in words: where phrases can start. */
  private final HashMap<String, HashMap<String, TreeSet<Integer>>> phraseLengthsByFirstWord = new HashMap<>();

  /** Adds the lines of one language's list. */
  public BadWords add(String lang, Iterable<String> lines) {
    HashSet<String> words = byLanguage.computeIfAbsent(lang, l -> new HashSet<>());
    HashMap<String, TreeSet<Integer>> starts = phraseLengthsByFirstWord.computeIfAbsent(lang, l -> new HashMap<>());
    Set<String> allowed = ALLOWED.getOrDefault(lang, Set.of());
    for (String line : lines) {
      String entry = line.strip().toLowerCase(Locale.ROOT);
      if (!entry.isEmpty() && !allowed.contains(entry)) {
        words.add(entry);
        String[] parts = entry.split(" ");
        starts.computeIfAbsent(parts[0], w -> new TreeSet<>()).add(parts.length);
      }
    }
    return this;
  }

  @Override
  public String name() {
    return "bad_words";
  }

  @Override
  public List<Signal> signals() {
    return List.of(Signal.ratio("bad_words_ratio", "Occurrences of the language's listed bad words or phrases "
        + "per word; null when there is no list for the language."));
  }

  /** Sets {@code bad_words_ratio} for a document in its detected language. */
  @Override
  public void tag(FilterDoc doc, Signals out) {
    tag(doc, doc.lang(), out);
  }

  private static String phrase(List<String> tokens, int from, int n) {
    if (n == 1) {
      return tokens.get(from);
    }
    StringBuilder phrase = new StringBuilder(tokens.get(from));
    for (int k = from + 1; k < from + n; k++) {
      phrase.append(' ').append(tokens.get(k));
    }
    return phrase.toString();
  }

  /** Sets {@code bad_words_ratio} for a document in {@code lang}. */
  public void tag(FilterDoc doc, String lang, Signals out) {
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
      Map<String, TreeSet<Integer>> starts = phraseLengthsByFirstWord.get(lang);
      List<String> tokens = doc.lowerWords();
      for (int i = 0; i < tokens.size(); i++) {
        TreeSet<Integer> lengths = starts.get(tokens.get(i));
        if (lengths == null) {
          continue;
        }
        for (int n : lengths) {
          if (i + n <= tokens.size() && words.contains(phrase(tokens, i, n))) {
            hits++;
          }
        }
      }
    }
    out.set("bad_words_ratio", doc.words().isEmpty() ? (double) hits : (double) hits / doc.words().size());
  }
}

package org.corpuskit.filter;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Gopher's quality measures (Rae et al. 2021, appendix A; thresholds as datatrove's GopherQualityFilter):
 * word count, mean word length, '#' and ellipsis per word, lines starting with a bullet or ending in an
 * ellipsis, words with a letter, and how many distinct stop words the text uses. Words are the shared
 * splitter's, which leaves punctuation out, where datatrove counts spaCy's punctuation tokens as words in the
 * ratios; lengths are in code points. Linear in the text.
 */
public final class GopherQuality implements Tagger {
  private static final String SOURCE = "Gopher (Rae et al. 2021, A.1); datatrove GopherQualityFilter defaults";

  /** Gopher's stop words for English, used for any language without a list of its own. */
  public static final Set<String> ENGLISH_STOP_WORDS = Set.of("the", "be", "to", "of", "and", "that", "have", "with");

  public static final List<Rule> RULES = List.of(
      Rule.below("gopher_short_doc", "word_count", 50, SOURCE),
      Rule.above("gopher_long_doc", "word_count", 100_000, SOURCE),
      Rule.below("gopher_below_avg_threshold", "mean_word_length", 3, SOURCE),
      Rule.above("gopher_above_avg_threshold", "mean_word_length", 10, SOURCE),
      Rule.above("gopher_too_many_hashes", "hash_word_ratio", 0.1, SOURCE),
      Rule.above("gopher_too_many_ellipsis", "ellipsis_word_ratio", 0.1, SOURCE),
      Rule.above("gopher_too_many_bullets", "bullet_lines_ratio", 0.9, SOURCE),
      Rule.above("gopher_too_many_end_ellipsis", "ellipsis_lines_ratio", 0.3, SOURCE),
      Rule.below("gopher_below_alpha_threshold", "alpha_words_ratio", 0.8, SOURCE),
      Rule.below("gopher_few_stop_words", "stop_words", 2, SOURCE));

  private final Function<String, Set<String>> stopWordsOf;
  /** Per language, each stop word's index, so that the distinct ones seen are bits rather than a set of strings. */
  private final Map<String, Map<String, Integer>> indexes = new HashMap<>();

  /**
   * @param stopWords the stop words of every document's language, lower case; empty when the language has no
   *     list, and then {@code stop_words} is null, so that its rule does not judge text it cannot read
   */
  public GopherQuality(Set<String> stopWords) {
    this(lang -> stopWords);
    if (stopWords == null) {
      throw new IllegalArgumentException("stop words must not be null");
    }
  }

  /** @param stopWordsOf the stop words of a language code ({@link FilterDoc#lang()}), as above */
  public GopherQuality(Function<String, Set<String>> stopWordsOf) {
    if (stopWordsOf == null) {
      throw new IllegalArgumentException("stop words must not be null");
    }
    this.stopWordsOf = stopWordsOf;
  }

  private Map<String, Integer> index(String lang) {
    return indexes.computeIfAbsent(lang, l -> {
      Map<String, Integer> index = new HashMap<>();
      for (String word : stopWordsOf.apply(l)) {
        index.putIfAbsent(word, index.size());
      }
      return index;
    });
  }

  @Override
  public String name() {
    return "gopher_quality";
  }

  @Override
  public List<Signal> signals() {
    return List.of(
        Signal.count("word_count", "Words: tokens with a letter or digit, from the language-aware splitter."),
        Signal.ratio("mean_word_length", "Mean length of the words in code points; 0 without words."),
        Signal.ratio("hash_word_ratio", "Number of '#' characters per word."),
        Signal.ratio("ellipsis_word_ratio", "Number of ellipses ('...' or '…') per word."),
        Signal.ratio("bullet_lines_ratio", "Share of lines that start with a bullet ('•' or '-') after spaces."),
        Signal.ratio("ellipsis_lines_ratio", "Share of lines that end with an ellipsis before trailing spaces."),
        Signal.ratio("alpha_words_ratio", "Share of words that contain a letter."),
        Signal.count("stop_words", "Distinct stop words of the document's language that occur, case-insensitive; "
            + "null when there is no list for the language."));
  }

  @Override
  public void tag(FilterDoc doc, Signals out) {
    Map<String, Integer> stopWords = index(doc.lang());
    List<String> words = doc.words();
    int n = words.size();
    long length = 0;
    int alpha = 0;
    BitSet stopsSeen = new BitSet(stopWords.size());
    for (String word : words) {
      length += word.codePointCount(0, word.length());
      if (hasLetter(word)) {
        alpha++;
      }
    }
    if (!stopWords.isEmpty()) {
      for (String lower : doc.lowerWords()) {
        Integer index = stopWords.get(lower);
        if (index != null) {
          stopsSeen.set(index);
        }
      }
    }
    String text = doc.text();
    int bullets = 0;
    int endEllipsis = 0;
    for (String line : doc.lines()) {
      String start = line.stripLeading();
      if (start.startsWith("•") || start.startsWith("-")) {
        bullets++;
      }
      String end = line.stripTrailing();
      if (end.endsWith("...") || end.endsWith("…")) {
        endEllipsis++;
      }
    }
    int lines = doc.lines().size();
    out.set("word_count", n)
        .set("mean_word_length", n == 0 ? 0.0 : (double) length / n)
        .set("hash_word_ratio", perWord(occurrences(text, "#"), n))
        .set("ellipsis_word_ratio", perWord(occurrences(text, "...") + occurrences(text, "…"), n))
        .set("bullet_lines_ratio", lines == 0 ? 0.0 : (double) bullets / lines)
        .set("ellipsis_lines_ratio", lines == 0 ? 0.0 : (double) endEllipsis / lines)
        .set("alpha_words_ratio", n == 0 ? 0.0 : (double) alpha / n)
        .set("stop_words", stopWords.isEmpty() ? null : stopsSeen.cardinality());
  }

  private static boolean hasLetter(String word) {
    for (int i = 0; i < word.length(); ) {
      int c = word.codePointAt(i);
      if (Character.isLetter(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }

  private static double perWord(int count, int words) {
    return words == 0 ? (count == 0 ? 0.0 : count) : (double) count / words;
  }

  /** Non-overlapping occurrences, as Python's str.count: '......' holds two '...'. */
  static int occurrences(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}

package org.corpuskit.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Splits text into sentences with ICU's sentence break iterator (UAX #29), which ends sentences at {@code . ! ?},
 * their full-width and CJK forms ({@code 。！？}) and line breaks. A full stop after a known abbreviation does
 * not end a sentence: the abbreviations are the CLDR lists ICU carries for the locale's language (English,
 * German, Spanish, French, Italian, Portuguese, Russian), plus {@code Dr.} in English, which CLDR lacks.
 * Languages that separate sentences by a space alone, such as Thai, are not split.
 *
 * <p>ICU's own abbreviation filter ({@code @ss=standard}) is not used: it matches an abbreviation at the end of
 * any word, so German {@code sehr.} ends like {@code r.} and never ends a sentence. Here an abbreviation must
 * start a word (docs/decisions.md).
 *
 * <p>Not thread-safe: an instance holds one ICU iterator, which keeps its position in the current text. Make one
 * per thread or Spark task, not per document: one costs about 30 microseconds, mostly reading the abbreviation
 * list.
 */
public final class Sentences {
  // Where ICU4J keeps its break data; a wrong path leaves every list empty, which the English test would show.
  private static final String BREAK_DATA = "com/ibm/icu/impl/data/icudata/brkitr";
  private static final Map<String, List<String>> EXTRA_ABBREVIATIONS = Map.of("en", List.of("Dr."));

  private final BreakIterator iterator;
  private final Set<String> abbreviations;
  private final int longestAbbreviation;

  /** Sentences by the rules of {@code locale}; {@link ULocale#ROOT} when the language is unknown. */
  public Sentences(ULocale locale) {
    if (locale == null) {
      throw new IllegalArgumentException("locale must not be null");
    }
    iterator = BreakIterator.getSentenceInstance(locale);
    abbreviations = abbreviations(locale.getLanguage());
    longestAbbreviation = abbreviations.stream().mapToInt(String::length).max().orElse(0);
  }

  /** The sentences of {@code text}, without surrounding white space; blank ones are left out. */
  public List<String> split(CharSequence text) {
    int[] bounds = boundaries(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < bounds.length; i++) {
      int end = trimEnd(text, bounds[i], bounds[i + 1]);
      int start = trimStart(text, bounds[i], end);
      if (start < end) {
        out.add(text.subSequence(start, end).toString());
      }
    }
    return out;
  }

  /**
   * Where the sentences of {@code text} start, in chars, in order: 0 first, and {@code text.length()} last as the
   * end of the last one. A sentence includes the white space after it.
   */
  public int[] boundaries(CharSequence text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    iterator.setText(text);
    List<Integer> out = new ArrayList<>();
    out.add(iterator.first());
    for (int to = iterator.next(); to != BreakIterator.DONE; to = iterator.next()) {
      if (to < text.length() && endsWithAbbreviation(text, trimEnd(text, out.get(out.size() - 1), to))) {
        continue;
      }
      out.add(to);
    }
    if (out.get(out.size() - 1) != text.length()) {
      out.add(text.length());
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean endsWithAbbreviation(CharSequence text, int end) {
    if (end == 0 || text.charAt(end - 1) != '.') {
      return false;
    }
    for (int start = Math.max(0, end - longestAbbreviation); start < end - 1; start++) {
      boolean wordStart = start == 0 || !UCharacter.isLetterOrDigit(Character.codePointBefore(text, start));
      if (wordStart && abbreviations.contains(text.subSequence(start, end).toString())) {
        return true;
      }
    }
    return false;
  }

  private static int trimEnd(CharSequence text, int from, int to) {
    while (to > from && UCharacter.isUWhiteSpace(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private static int trimStart(CharSequence text, int from, int to) {
    while (from < to && UCharacter.isUWhiteSpace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  private static Set<String> abbreviations(String language) {
    Set<String> out = new HashSet<>(EXTRA_ABBREVIATIONS.getOrDefault(language, List.of()));
    try {
      UResourceBundle data = UResourceBundle.getBundleInstance(BREAK_DATA, new ULocale(language));
      // Without data for the language, ICU falls back to the default locale's, which is another language's list.
      if (data.getULocale().getLanguage().equals(language)) {
        out.addAll(List.of(data.get("exceptions").get("SentenceBreak").getStringArray()));
      }
    } catch (MissingResourceException e) {
      // Most languages have no abbreviation list.
    }
    return Set.copyOf(out);
  }
}

package org.corpuskit.lang;

import java.lang.Character.UnicodeScript;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link NGramTable} from Lingua's models of one to four letters: a run of letters is scored as a
 * chain, its first letter by the unigram model, its second by the bigram model given the first, its third by the
 * trigram model given the two before, every further letter by the quadrigram model given the three before. An
 * n-gram a language's model lacks counts as the floor probability e^{@value #FLOOR}, about the rarest
 * probability in the models (1/58,397 in English trigrams is e^-11); a known one weighs its log-probability
 * above that floor. Measured on the UDHR, floors from -8 to -14 give the same accuracy within 0.1 %.
 */
final class ModelLoader {
  static final int FLOOR = -12;
  /** Longer n-grams do not fit a 64-bit key; Lingua's five-letter models would also take 150 MB more. */
  static final int MAX_LENGTH = 4;

  private ModelLoader() {}

  /**
   * {@code languages} ordered by the script of their most probable letter, so that the languages knowing an
   * n-gram are neighbours and its dense row is short; then by code, so the order does not depend on the caller's.
   */
  static String[] groupedByScript(List<String> languages) {
    Map<String, UnicodeScript> scripts = new HashMap<>();
    for (String language : languages) {
      double[] best = {Double.NEGATIVE_INFINITY};
      LinguaModels.read(language, 1, (letter, logProbability) -> {
        if (logProbability > best[0]) {
          best[0] = logProbability;
          scripts.put(language, UnicodeScript.of(letter.codePointAt(0)));
        }
      });
    }
    return languages.stream()
        .sorted(Comparator.comparing((String language) -> scripts.get(language)).thenComparing(language -> language))
        .toArray(String[]::new);
  }

  /** The table of {@code languages}' models; a language's index in the array is its index in the table. */
  static NGramTable load(String[] languages) {
    if (languages.length > NGramTable.MAX_LANGUAGES) {
      throw new IllegalArgumentException("at most " + NGramTable.MAX_LANGUAGES + " languages: " + languages.length);
    }
    NGramTable.Builder builder = new NGramTable.Builder();
    for (int language = 0; language < languages.length; language++) {
      int index = language;
      for (int length = 1; length <= MAX_LENGTH; length++) {
        LinguaModels.read(languages[language], length, (ngram, logProbability) -> {
          long key = key(ngram);
          if (key != 0) {
            int weight = (int) Math.round((logProbability - FLOOR) * NGramTable.UNITS_PER_NAT);
            builder.add(key, index, Math.max(0, Math.min(NGramTable.MAX_WEIGHT, weight)));
          }
        });
      }
    }
    return builder.build();
  }

  /** The n-gram's UTF-16 units, 16 bits each; 0 for one the scan never forms (not lower-case shared letters). */
  static long key(String ngram) {
    long key = 0;
    for (int i = 0; i < ngram.length(); i++) {
      int entry = Letters.of(ngram.charAt(i));
      if ((entry & 0xFFFF_0000) != Letters.SHARED || Letters.lower(entry) != ngram.charAt(i)) {
        return 0;
      }
      key = key << 16 | ngram.charAt(i);
    }
    return key;
  }
}

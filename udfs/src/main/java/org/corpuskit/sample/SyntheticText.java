package org.corpuskit.sample;

import java.util.SplittableRandom;

/**
 * Text of made-up words in paragraphs, for benchmarks and evaluations that need many documents which share no
 * more than natural text shares: words are drawn from a seeded lexicon of {@link #LEXICON} pronounceable
 * words with Zipf-distributed frequencies (exponent 1), so a few are common and most are rare, as in prose.
 * Document {@code i} of a seed is the same text on every run and JVM.
 *
 * <p>Thread-safe: an instance holds only its lexicon and cumulative frequencies, which never change.
 */
public final class SyntheticText {
  /** Distinct words in the lexicon. */
  public static final int LEXICON = 50_000;
  private static final String[] ONSETS = {"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m",
      "n", "p", "pl", "qu", "r", "s", "sh", "st", "t", "th", "tr", "v", "w", "z"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
  private static final String[] CODAS = {"", "", "n", "r", "s", "t", "l", "m", "nd", "st"};

  private final long seed;
  private final String[] words = new String[LEXICON];
  private final double[] cumulative = new double[LEXICON];

  public SyntheticText(long seed) {
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    double total = 0;
    for (int i = 0; i < LEXICON; i++) {
      StringBuilder word = new StringBuilder();
      for (int syllables = 1 + random.nextInt(3); syllables > 0; syllables--) {
        word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)])
            .append(CODAS[random.nextInt(CODAS.length)]);
      }
      words[i] = word.toString();
      total += 1.0 / (i + 1);
      cumulative[i] = total;
    }
    for (int i = 0; i < LEXICON; i++) {
      cumulative[i] /= total;
    }
  }

  /**
   * Document {@code index}: paragraphs of 40 to 120 words separated by blank lines, sentences of 6 to 20 words
   * starting with a capital and ending with a full stop, until it holds at least {@code chars} characters.
   */
  public String document(long index, int chars) {
    if (chars < 1) {
      throw new IllegalArgumentException("chars must be at least 1, got " + chars);
    }
    SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
    StringBuilder text = new StringBuilder(chars + 200);
    while (text.length() < chars) {
      if (text.length() > 0) {
        text.append("\n\n");
      }
      int paragraphWords = 40 + random.nextInt(81);
      while (paragraphWords > 0) {
        int sentence = 6 + random.nextInt(15);
        paragraphWords -= sentence;
        for (int w = 0; w < sentence; w++) {
          String word = word(random);
          if (w == 0) {
            text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
          } else {
            text.append(' ').append(word);
          }
        }
        text.append(". ");
      }
      text.setLength(text.length() - 1);
    }
    return text.toString();
  }

  /**
   * Spreads related seeds apart. SplittableRandom steps its state by a fixed gamma, so two documents seeded
   * {@code s} and {@code s + k·gamma} would share all but k draws: seeds made from an index must be mixed.
   */
  private static long mix(long h) {
    h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
    h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }

  /** One word, drawn by its Zipf frequency. */
  public String word(SplittableRandom random) {
    double u = random.nextDouble();
    int low = 0;
    int high = LEXICON - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return words[low];
  }
}

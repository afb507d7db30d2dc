package org.corpuskit.filter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.corpuskit.text.LongCounts;
import org.corpuskit.text.NGrams;

/**
 * Gopher's repetition measures (Rae et al. 2021, table A1; computed as datatrove's GopherRepetitionFilter):
 * the share of paragraphs and lines that repeat an earlier one, and of the characters in them; the characters
 * covered by the most frequent 2-, 3- and 4-gram; and the characters of 5- to 10-grams that repeat an earlier
 * one, skipping past each repeat so that overlapping repeats count once. Every character share is of the
 * whole text's length. Time and memory are linear in the text for each n: n-grams are hashed, not joined, and
 * counted in flat arrays.
 */
public final class GopherRepetition implements Tagger {
  private static final String SOURCE = "Gopher (Rae et al. 2021, table A1); datatrove GopherRepetitionFilter defaults";
  private static final int[] TOP = {2, 3, 4};
  private static final int[] DUPLICATED = {5, 6, 7, 8, 9, 10};
  private static final long SEED = 0;

  public static final List<Rule> RULES = List.of(
      Rule.above("dup_para_frac", "dup_para_frac", 0.3, SOURCE),
      Rule.above("dup_para_char_frac", "dup_para_char_frac", 0.2, SOURCE),
      Rule.above("dup_line_frac", "dup_line_frac", 0.3, SOURCE),
      Rule.above("dup_line_char_frac", "dup_line_char_frac", 0.2, SOURCE),
      Rule.above("top_2_gram", "top_2_gram_char_frac", 0.20, SOURCE),
      Rule.above("top_3_gram", "top_3_gram_char_frac", 0.18, SOURCE),
      Rule.above("top_4_gram", "top_4_gram_char_frac", 0.16, SOURCE),
      Rule.above("duplicated_5_n_grams", "dup_5_gram_char_frac", 0.15, SOURCE),
      Rule.above("duplicated_6_n_grams", "dup_6_gram_char_frac", 0.14, SOURCE),
      Rule.above("duplicated_7_n_grams", "dup_7_gram_char_frac", 0.13, SOURCE),
      Rule.above("duplicated_8_n_grams", "dup_8_gram_char_frac", 0.12, SOURCE),
      Rule.above("duplicated_9_n_grams", "dup_9_gram_char_frac", 0.11, SOURCE),
      Rule.above("duplicated_10_n_grams", "dup_10_gram_char_frac", 0.10, SOURCE));

  @Override
  public String name() {
    return "gopher_repetition";
  }

  @Override
  public List<Signal> signals() {
    List<Signal> signals = new ArrayList<>(List.of(
        Signal.ratio("dup_para_frac", "Share of paragraphs (split on blank lines) that repeat an earlier one."),
        Signal.ratio("dup_para_char_frac", "Characters of repeated paragraphs per character of text."),
        Signal.ratio("dup_line_frac", "Share of lines that repeat an earlier one."),
        Signal.ratio("dup_line_char_frac", "Characters of repeated lines per character of text.")));
    for (int n : TOP) {
      signals.add(Signal.ratio("top_" + n + "_gram_char_frac", "Characters covered by the most frequent word "
          + n + "-gram (its length with spaces times its count) per character of text."));
    }
    for (int n : DUPLICATED) {
      signals.add(Signal.ratio("dup_" + n + "_gram_char_frac", "Characters of word " + n
          + "-grams that repeat an earlier one, each repeat counted once, per character of text."));
    }
    return signals;
  }

  @Override
  public void tag(FilterDoc doc, Signals out) {
    double length = Math.max(1, doc.text().length());
    long[] paras = duplicates(doc.paragraphs());
    long[] lines = duplicates(doc.lines());
    out.set("dup_para_frac", (double) paras[0] / doc.paragraphs().size())
        .set("dup_para_char_frac", paras[1] / length)
        .set("dup_line_frac", (double) lines[0] / doc.lines().size())
        .set("dup_line_char_frac", lines[1] / length);
    List<String> words = doc.words();
    int[] lengths = new int[words.size()];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = words.get(i).length();
    }
    long[] tokens = NGrams.tokenHashes(words);
    long[] state = new long[tokens.length];
    long[] grams = new long[tokens.length];
    LongCounts counts = new LongCounts(tokens.length);
    for (int n = 1; n <= DUPLICATED[DUPLICATED.length - 1]; n++) {
      int count = Math.max(0, tokens.length - n + 1);
      for (int i = 0; i < count; i++) {
        state[i] = extend(state[i], tokens[i + n - 1]);
        grams[i] = finish(state[i]);
      }
      counts.clear();
      if (n >= TOP[0] && n <= TOP[TOP.length - 1]) {
        out.set("top_" + n + "_gram_char_frac", topNGramChars(grams, count, lengths, n, counts) / length);
      } else if (n >= DUPLICATED[0]) {
        out.set("dup_" + n + "_gram_char_frac", duplicatedNGramChars(grams, count, lengths, n, counts) / length);
      }
    }
  }

  /**
   * The n-gram hashes grow a word at a time: the state of the n-gram at i is that of the (n-1)-gram at i extended
   * by word i+n-1, so all ten lengths cost ten mixing steps per word, not 54. Only equality within one document
   * matters here, so these are not {@link NGrams}'s stable hashes.
   */
  private static long extend(long state, long token) {
    return Long.rotateLeft(state ^ token * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B185EBCA87L + 0x85EBCA77C2B2AE63L;
  }

  private static long finish(long state) {
    state ^= state >>> 33;
    state *= 0xFF51AFD7ED558CCDL;
    return state ^ (state >>> 29);
  }

  /** How many elements repeat an earlier one, and their characters; the first copy is not counted. */
  static long[] duplicates(List<String> elements) {
    Set<String> seen = new HashSet<>();
    long count = 0;
    long chars = 0;
    for (String element : elements) {
      if (!seen.add(element)) {
        count++;
        chars += element.length();
      }
    }
    return new long[] {count, chars};
  }

  /**
   * The most frequent n-gram's characters (words and the spaces joining them) times its count; {@code grams[i]}
   * is the hash of the n-gram starting at word i.
   */
  static long topNGramChars(long[] grams, int count, int[] lengths, int n, LongCounts counts) {
    long best = 0;
    int bestCount = 0;
    for (int i = 0; i < count; i++) {
      int seen = counts.increment(grams[i]);
      if (seen > bestCount) {
        bestCount = seen;
        best = chars(lengths, i, n) + n - 1;
      }
    }
    return best * bestCount;
  }

  /**
   * Characters of n-grams seen before; after a repeat the scan jumps past it, so overlaps count once. The
   * arguments are as for {@link #topNGramChars}.
   */
  static long duplicatedNGramChars(long[] grams, int count, int[] lengths, int n, LongCounts seen) {
    long repeated = 0;
    int i = 0;
    while (i < count) {
      if (seen.increment(grams[i]) == 1) {
        i++;
      } else {
        repeated += chars(lengths, i, n);
        i += n;
      }
    }
    return repeated;
  }

  private static long chars(int[] lengths, int from, int n) {
    long sum = 0;
    for (int k = from; k < from + n; k++) {
      sum += lengths[k];
    }
    return sum;
  }
}

package org.corpuskit.dedup;

import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.corpuskit.text.NGrams;
import org.corpuskit.text.TextNormalizer;
import org.corpuskit.text.Words;

/**
 * The shingles of a document, as 64-bit hashes: word n-grams (the default, 5-grams as FineWeb takes them) or
 * character n-grams. Words come from the language-aware {@link Words} splitter; each word is then normalised as
 * {@link TextNormalizer#SHINGLES} normalises (NFKC, case folded, punctuation removed, digits folded to 0), and
 * words left empty are dropped. Character shingles are taken from the whole text so normalised.
 *
 * <p>A text with at least one word but fewer than n gives one shingle of all its words, so that short pages
 * are still compared (two one-line pages are duplicates when their lines are); a text without words gives none.
 * Hashes are those of {@link NGrams}: the same on every JVM, and for the same normalised words whatever the
 * spelling, so {@code "Hello, World"} and {@code "hello world"} share their shingles.
 *
 * <p>Not thread-safe: an instance keeps one {@link Words} per language and a buffer. Make one per task.
 */
public final class Shingles {
  /** What a shingle is made of. */
  public enum Unit {
    WORDS,
    CHARS
  }

  /**
   * What {@link TextNormalizer#SHINGLES} makes of each ASCII character alone: itself, lowered, 0, or nothing
   * (written as the character 0, which no word holds).
   */
  private static final char[] ASCII = TextNormalizer.SHINGLES.asciiTable();

  private final Unit unit;
  private final int n;
  private final long seed;
  private final Map<String, Words> splitters = new HashMap<>();
  private long[] tokens = new long[1024];

  /**
   * @param unit words or characters
   * @param n the number of units in a shingle, at least 1
   * @param seed the seed of the n-gram hashes
   */
  public Shingles(Unit unit, int n, long seed) {
    if (unit == null) {
      throw new IllegalArgumentException("unit must not be null");
    }
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    this.unit = unit;
    this.n = n;
    this.seed = seed;
  }

  /**
   * The shingle hashes of {@code text} in order, repeats included; empty when it has no word.
   *
   * @param lang the text's language code, or empty when unknown; it picks the word splitter's rules
   */
  public long[] of(String text, String lang) {
    if (text == null || lang == null) {
      throw new IllegalArgumentException("text and lang must not be null");
    }
    if (unit == Unit.CHARS) {
      return NGrams.charHashes(TextNormalizer.SHINGLES.normalize(text), n, NGrams.ShortText.WHOLE, seed);
    }
    Words.Cursor cursor = splitters.computeIfAbsent(lang, Shingles::splitter).cursor(text);
    int count = 0;
    while (cursor.next()) {
      long hash = wordHash(text, cursor.start(), cursor.end());
      if (hash == 0) {
        continue;
      }
      if (count == tokens.length) {
        tokens = Arrays.copyOf(tokens, count * 2);
      }
      tokens[count++] = hash;
    }
    return NGrams.wordHashes(Arrays.copyOf(tokens, count), n, NGrams.ShortText.WHOLE, seed);
  }

  /**
   * The {@link NGrams#tokenHash} of the normalised word {@code text[from, to)}, or 0 when normalising leaves
   * nothing. ASCII words are normalised a character at a time, which for ASCII gives the same; others by
   * {@link TextNormalizer#SHINGLES}.
   */
  private long wordHash(String text, int from, int to) {
    long hash = NGrams.TOKEN_HASH_START;
    boolean empty = true;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= 128) {
        String normalised = TextNormalizer.SHINGLES.normalize(text.substring(from, to));
        return normalised.isEmpty() ? 0 : NGrams.tokenHash(normalised);
      }
      char normalised = ASCII[c];
      if (normalised != 0) {
        hash = NGrams.tokenHash(hash, normalised);
        empty = false;
      }
    }
    return empty ? 0 : hash;
  }

  private static Words splitter(String lang) {
    return new Words(lang.isEmpty() ? ULocale.ROOT : new ULocale(lang));
  }
}

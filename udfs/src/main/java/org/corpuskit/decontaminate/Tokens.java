package org.corpuskit.decontaminate;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import org.corpuskit.text.NGrams;
import org.corpuskit.text.TextNormalizer;
import org.corpuskit.text.Words;

/**
 * A text as the tokens decontamination compares, with each token's hash, its span in the text and the
 * fingerprints of its n-grams.
 *
 * <p>Tokens are the words of the shared {@link Words} splitter, each normalised by
 * {@link TextNormalizer#DECONTAMINATION} (NFKC, case folded, punctuation removed, digits kept); a word left
 * empty is dropped. In scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) each
 * character is a token: those languages are compared by character n-grams, whatever the splitter's dictionary
 * made of the words around them. Words are split by the root locale on both sides, test items and documents,
 * so that one text gives the same tokens whatever language it was tagged with.
 *
 * <p>The fingerprint of tokens {@code [i, i + length)} is a polynomial hash of their token hashes, taken from
 * prefix sums so that every n-gram of every length costs two multiplications, then mixed with the length. It
 * depends only on the normalised tokens, so a test item and a document containing it give the same values.
 *
 * <p>Not thread-safe: an instance keeps one splitter and buffers that the next {@link #of} reuses. Make one per
 * task.
 */
public final class Tokens {
  private static final long BASE = 0x9E3779B97F4A7C15L;
  private static final int MAX_LENGTH = 64;
  private static final long[] POWERS = powers();
  private static final TextNormalizer NORMALIZER = TextNormalizer.DECONTAMINATION;
  /** What the normaliser makes of each ASCII character alone: itself, lowered, or nothing (written as 0). */
  private static final char[] ASCII = NORMALIZER.asciiTable();
  /**
   * What the normaliser makes of each letter past ASCII up to the end of the Cyrillic Supplement, alone; null
   * for other characters. A word of ASCII and such letters holds no combining mark, so no two of its characters
   * compose and normalising it a character at a time gives what normalising it whole gives.
   */
  private static final String[] LETTERS = lettersNormalised();

  private final Words words = new Words(ULocale.ROOT);
  private String text = "";
  private int count;
  private long[] hashes = new long[256];
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private long[] prefix = new long[257];

  /** Splits {@code text} into tokens, replacing those of the last call; returns this. */
  public Tokens of(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    this.text = plainPunctuation(text);
    count = 0;
    Words.Cursor cursor = words.cursor(this.text);
    while (cursor.next()) {
      int from = cursor.start();
      int to = cursor.end();
      long hash = tableHash(from, to);
      if (hash != 0) {
        add(hash, from, to);
      } else {
        addNonAscii(from, to);
      }
    }
    prefix = prefix.length > count ? prefix : new long[hashes.length + 1];
    for (int i = 0; i < count; i++) {
      prefix[i + 1] = prefix[i] * BASE + hashes[i];
    }
    return this;
  }

  /**
   * {@code text} with the typographic quotes, dashes and no-break space of most web text as their ASCII forms,
   * char for char, so that its chunks take the splitter's ASCII path; the tokens do not change, since the
   * normaliser removes both forms, and the same is done to test items and documents alike.
   */
  private static String plainPunctuation(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char plain = switch (c) {
        case '\u00A0' -> ' ';
        case '\u2018', '\u2019' -> '\'';
        case '\u201C', '\u201D' -> '"';
        case '\u2013', '\u2014' -> '-';
        default -> c;
      };
      if (plain != c) {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = plain;
      }
    }
    return chars == null ? text : new String(chars);
  }

  /** The number of tokens. */
  public int count() {
    return count;
  }

  /** Token {@code i}'s hash: {@link NGrams#tokenHash} of its normalised text. */
  long hash(int i) {
    return hashes[check(i)];
  }

  /** Where token {@code i} starts in the text, in chars. */
  public int start(int i) {
    return starts[check(i)];
  }

  /** Where token {@code i} ends in the text, exclusive. */
  public int end(int i) {
    return ends[check(i)];
  }

  /**
   * The fingerprint of the {@code length} tokens from {@code from}: equal for equal normalised tokens, and
   * different for different lengths.
   */
  public long fingerprint(int from, int length) {
    if (from < 0 || length < 1 || length > MAX_LENGTH || from + length > count) {
      throw new IndexOutOfBoundsException("tokens [" + from + ", " + (from + length) + ") of " + count
          + " (lengths 1 to " + MAX_LENGTH + ")");
    }
    return mix(prefix[from + length] - prefix[from] * POWERS[length], length);
  }

  /** The normalised tokens {@code [from, from + length)} joined by single spaces: the n-gram itself. */
  public String text(int from, int length) {
    if (from < 0 || length < 1 || from + length > count) {
      throw new IndexOutOfBoundsException("tokens [" + from + ", " + (from + length) + ") of " + count);
    }
    StringBuilder out = new StringBuilder();
    for (int i = from; i < from + length; i++) {
      if (i > from) {
        out.append(' ');
      }
      out.append(NORMALIZER.normalize(text.substring(starts[i], ends[i])));
    }
    return out.toString();
  }

  /** The longest n-gram a fingerprint is taken of. */
  public static int maxLength() {
    return MAX_LENGTH;
  }

  private int check(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("token " + i + " of " + count);
    }
    return i;
  }

  /**
   * The token hash of a word of ASCII and {@link #LETTERS}, normalised a character at a time; 0 for a word with
   * another character, or one that normalising empties.
   */
  private long tableHash(int from, int to) {
    long hash = NGrams.TOKEN_HASH_START;
    boolean empty = true;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 128) {
        char normalised = ASCII[c];
        if (normalised != 0) {
          hash = NGrams.tokenHash(hash, normalised);
          empty = false;
        }
        continue;
      }
      String normalised = c < LETTERS.length ? LETTERS[c] : null;
      if (normalised == null) {
        return 0;
      }
      for (int j = 0; j < normalised.length(); j++) {
        hash = NGrams.tokenHash(hash, normalised.charAt(j));
      }
      empty &= normalised.isEmpty();
    }
    return empty ? 0 : hash;
  }

  private void addNonAscii(int from, int to) {
    if (!hasUnspacedScript(from, to)) {
      addNormalised(from, to);
      return;
    }
    for (int i = from; i < to; ) {
      int next = i + Character.charCount(text.codePointAt(i));
      addNormalised(i, next);
      i = next;
    }
  }

  private void addNormalised(int from, int to) {
    String normalised = NORMALIZER.normalize(text.substring(from, to));
    if (!normalised.isEmpty()) {
      add(NGrams.tokenHash(normalised), from, to);
    }
  }

  private boolean hasUnspacedScript(int from, int to) {
    for (int i = from; i < to; ) {
      int c = text.codePointAt(i);
      switch (UScript.getScript(c)) {
        case UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.THAI, UScript.LAO, UScript.KHMER,
            UScript.MYANMAR -> {
          return true;
        }
        default -> i += Character.charCount(c);
      }
    }
    return false;
  }

  private void add(long hash, int from, int to) {
    if (count == hashes.length) {
      hashes = Arrays.copyOf(hashes, count * 2);
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    hashes[count] = hash;
    starts[count] = from;
    ends[count] = to;
    count++;
  }

  /** xxHash64's final avalanche over the polynomial hash, salted with the length. */
  private static long mix(long h, int length) {
    h ^= length * 0x27D4EB2F165667C5L;
    h ^= h >>> 33;
    h *= 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 29;
    h *= 0x165667B19E3779F9L;
    return h ^ (h >>> 32);
  }

  private static long[] powers() {
    long[] out = new long[MAX_LENGTH + 1];
    out[0] = 1;
    for (int i = 1; i <= MAX_LENGTH; i++) {
      out[i] = out[i - 1] * BASE;
    }
    return out;
  }

  private static String[] lettersNormalised() {
    String[] table = new String[0x0530];
    for (char c = 128; c < table.length; c++) {
      if (com.ibm.icu.lang.UCharacter.isLetter(c)) {
        table[c] = NORMALIZER.normalize(String.valueOf(c));
      }
    }
    return table;
  }
}

package org.corpuskit.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Word and character n-grams, as strings or as 64-bit hashes.
 *
 * <p>The hashes are built without joining strings and are the same on every JVM and run: each word is hashed
 * with 64-bit FNV-1a over its UTF-16 code units (offset basis {@code 0xcbf29ce484222325}, prime
 * {@code 0x100000001b3}), each character is its code point; the k values of an n-gram are then mixed in order
 * with xxHash64's primes and steps for short input: {@code h = seed + P5 + k}; per value {@code v},
 * {@code h = rotl(h ^ (rotl(v * P2, 31) * P1), 27) * P1 + P4}; then xxHash64's final avalanche. The hash
 * depends only on the n-gram's tokens and the seed, so a shingle of all the tokens of a short text hashes like
 * the same tokens taken as an n-gram of their own length.
 *
 * <p>Thread-safe: static methods without state.
 */
public final class NGrams {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** What a text with at least one token but fewer than n gives. */
  public enum ShortText {
    /** No n-gram. */
    NONE,
    /** One n-gram of all its tokens: deduplication and decontamination must not let short texts through. */
    WHOLE
  }

  private NGrams() {}

  /** The word n-grams of {@code tokens}, each its tokens joined by one space, in order. */
  public static List<String> words(List<String> tokens, int n, ShortText shortText) {
    checkTokens(tokens, n, shortText);
    int size = size(tokens.size(), n, shortText);
    int count = count(tokens.size(), size);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(String.join(" ", tokens.subList(i, i + size)));
    }
    return out;
  }

  /** The character n-grams of {@code text}, n code points each (a surrogate pair is one character). */
  public static List<String> chars(CharSequence text, int n, ShortText shortText) {
    int[] codePoints = codePoints(text, n, shortText);
    int size = size(codePoints.length, n, shortText);
    int count = count(codePoints.length, size);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new String(codePoints, i, size));
    }
    return out;
  }

  /** The hashes of {@link #words}'s n-grams, in the same order. */
  public static long[] wordHashes(List<String> tokens, int n, ShortText shortText, long seed) {
    checkTokens(tokens, n, shortText);
    return hashes(tokenHashes(tokens), n, shortText, seed);
  }

  /**
   * The same as {@link #wordHashes(List, int, ShortText, long)} from the tokens' {@link #tokenHashes}, for a caller
   * that takes n-grams of several lengths from one text and hashes its tokens once.
   */
  public static long[] wordHashes(long[] tokenHashes, int n, ShortText shortText, long seed) {
    checkArguments("tokenHashes", tokenHashes, n, shortText);
    return hashes(tokenHashes, n, shortText, seed);
  }

  /** Each token's 64-bit FNV-1a hash, the values word n-grams are mixed from. */
  public static long[] tokenHashes(List<String> tokens) {
    long[] values = new long[tokens.size()];
    int i = 0;
    for (String token : tokens) {
      if (token == null) {
        throw new IllegalArgumentException("tokens must not contain null");
      }
      values[i++] = tokenHash(token);
    }
    return values;
  }

  /** The hashes of {@link #chars}'s n-grams, in the same order. */
  public static long[] charHashes(CharSequence text, int n, ShortText shortText, long seed) {
    int[] codePoints = codePoints(text, n, shortText);
    long[] values = new long[codePoints.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = codePoints[i];
    }
    return hashes(values, n, shortText, seed);
  }

  private static long[] hashes(long[] values, int n, ShortText shortText, long seed) {
    int size = size(values.length, n, shortText);
    long[] out = new long[count(values.length, size)];
    for (int i = 0; i < out.length; i++) {
      long h = seed + P5 + size;
      for (int j = i; j < i + size; j++) {
        h = Long.rotateLeft(h ^ round(values[j]), 27) * P1 + P4;
      }
      out[i] = avalanche(h);
    }
    return out;
  }

  /** The n-gram length used: n, or all of a short text when it is to give one n-gram; 0 for none. */
  private static int size(int tokens, int n, ShortText shortText) {
    if (tokens >= n) {
      return n;
    }
    return tokens > 0 && shortText == ShortText.WHOLE ? tokens : 0;
  }

  private static int count(int tokens, int size) {
    return size == 0 ? 0 : tokens - size + 1;
  }

  private static long round(long value) {
    return Long.rotateLeft(value * P2, 31) * P1;
  }

  private static long avalanche(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    return h ^ (h >>> 32);
  }

  /** A token's 64-bit FNV-1a hash over its UTF-16 code units: one value of {@link #tokenHashes}. */
  public static long tokenHash(CharSequence token) {
    long h = TOKEN_HASH_START;
    for (int i = 0; i < token.length(); i++) {
      h = tokenHash(h, token.charAt(i));
    }
    return h;
  }

  /** The hash of an empty token, which {@link #tokenHash(long, char)} extends a character at a time. */
  public static final long TOKEN_HASH_START = FNV_OFFSET;

  /** {@code hash}, the token hash of some text, extended by one character: for hashing without a string. */
  public static long tokenHash(long hash, char c) {
    return (hash ^ c) * FNV_PRIME;
  }

  private static void checkTokens(List<String> tokens, int n, ShortText shortText) {
    checkArguments("tokens", tokens, n, shortText);
    for (String token : tokens) {
      if (token == null) {
        throw new IllegalArgumentException("tokens must not contain null");
      }
    }
  }

  private static int[] codePoints(CharSequence text, int n, ShortText shortText) {
    checkArguments("text", text, n, shortText);
    return text.codePoints().toArray();
  }

  private static void checkArguments(String inputName, Object input, int n, ShortText shortText) {
    if (input == null || shortText == null) {
      throw new IllegalArgumentException(inputName + " and shortText must not be null");
    }
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
  }
}

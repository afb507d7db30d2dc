package org.corpuskit.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.corpuskit.text.NGrams;
import org.corpuskit.text.TextNormalizer;

/**
 * Keys that make equal what deduplication treats as equal. A document's key is the first 128 bits of the
 * SHA-256 of its text normalised by {@link TextNormalizer#EXACT_DEDUP} (NFKC, case folded, white space folded):
 * 128 bits, because at billions of documents a 64-bit key would merge two different ones somewhere. A line's key
 * is a 64-bit hash of the line normalised as shingles are (punctuation removed and digits folded as well), the
 * way CCNet compares lines.
 *
 * <p>Thread-safe: static methods; each call makes its own digest.
 */
public final class TextKeys {
  private TextKeys() {}

  /** The exact-duplicate key of {@code text}: 16 bytes. */
  public static byte[] exact(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    byte[] normalised = TextNormalizer.EXACT_DEDUP.normalize(text).getBytes(StandardCharsets.UTF_8);
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(normalised), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The key of one line, or 0 for a line that normalises to nothing (blank, or punctuation only). */
  public static long line(String line) {
    if (line == null) {
      throw new IllegalArgumentException("line must not be null");
    }
    String normalised = TextNormalizer.SHINGLES.normalize(line);
    return normalised.isEmpty() ? 0 : NGrams.tokenHash(normalised);
  }
}

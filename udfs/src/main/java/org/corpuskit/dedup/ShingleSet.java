package org.corpuskit.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A document's distinct shingles, kept compactly to verify candidate pairs by their exact Jaccard similarity:
 * each 64-bit shingle hash folded to 32 bits, sorted, without repeats. Folding can merge two of a document's
 * shingles only when they collide in 32 bits, about one pair in 4 billion, which moves a similarity by less
 * than its last printed digit.
 *
 * <p>Thread-safe: static methods without state.
 */
public final class ShingleSet {
  private ShingleSet() {}

  /** The sorted, distinct 32-bit folds of {@code shingles}. */
  public static int[] of(long[] shingles) {
    int[] folded = new int[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      folded[i] = (int) (shingles[i] ^ (shingles[i] >>> 32));
    }
    Arrays.sort(folded);
    int distinct = 0;
    for (int i = 0; i < folded.length; i++) {
      if (i == 0 || folded[i] != folded[i - 1]) {
        folded[distinct++] = folded[i];
      }
    }
    return Arrays.copyOf(folded, distinct);
  }

  /** A set as bytes, four big-endian bytes per value, for a binary column that Spark passes without boxing. */
  public static byte[] pack(int[] set) {
    ByteBuffer bytes = ByteBuffer.allocate(set.length * 4);
    bytes.asIntBuffer().put(set);
    return bytes.array();
  }

  /** The set {@link #pack} packed. */
  public static int[] unpack(byte[] packed) {
    if (packed.length % 4 != 0) {
      throw new IllegalArgumentException("a packed shingle set has 4 bytes per value, got " + packed.length);
    }
    int[] set = new int[packed.length / 4];
    ByteBuffer.wrap(packed).asIntBuffer().get(set);
    return set;
  }

  /** |x ∩ y| / |x ∪ y| of two sets made by {@link #of}; 1 when both are empty. */
  public static double jaccard(int[] x, int[] y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("shingle sets must not be null");
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = x.length + y.length - common;
    return union == 0 ? 1.0 : (double) common / union;
  }
}

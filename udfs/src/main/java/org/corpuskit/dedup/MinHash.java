package org.corpuskit.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures and their LSH bands. A signature has {@code bands × rows} values; value i is the minimum
 * over the document's shingles of permutation i: the shingle's 64-bit hash folded to 32 bits x, then
 * {@code a_i · x + b_i} (odd a_i) and two rounds of xor-shift-multiply, murmur3's finaliser, kept to 31 bits. Two
 * documents agree on a value with probability about the Jaccard similarity J of their shingle sets, so they
 * share at least one band, all {@code rows} values of it, with probability {@code 1 - (1 - J^rows)^bands}: the
 * S-curve of {@link #probability}.
 *
 * <p>The hot loop is over the permutations for one shingle, on int lanes, without branches and without
 * {@link Math#min}, which C2 does not vectorise in Java 17: with values of 31 bits the difference of two never
 * overflows, and its sign bit picks the smaller. Each shingle's hash is computed once, before (see
 * {@link Shingles}).
 *
 * <p>Thread-safe: an instance holds only its coefficients, which never change.
 */
public final class MinHash {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;

  private final int bands;
  private final int rows;
  private final int[] a;
  private final int[] b;

  /**
   * @param bands the number of bands, at least 1
   * @param rows values per band, at least 1
   * @param seed the seed the permutations are drawn from: signatures compare only under the same seed
   */
  public MinHash(int bands, int rows, long seed) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be at least 1, got " + bands + " × " + rows);
    }
    this.bands = bands;
    this.rows = rows;
    SplittableRandom random = new SplittableRandom(seed);
    a = new int[bands * rows];
    b = new int[bands * rows];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextInt() | 1;
      b[i] = random.nextInt();
    }
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  /** The signature of a document with these shingle hashes (repeats change nothing); at least one shingle. */
  public int[] signature(long[] shingles) {
    if (shingles == null || shingles.length == 0) {
      throw new IllegalArgumentException("a signature needs at least one shingle");
    }
    int[] signature = new int[a.length];
    Arrays.fill(signature, Integer.MAX_VALUE);
    for (long shingle : shingles) {
      int x = (int) (shingle ^ (shingle >>> 32));
      for (int i = 0; i < signature.length; i++) {
        int v = a[i] * x + b[i];
        v = (v ^ (v >>> 16)) * 0x45D9F3B;
        v = (v ^ (v >>> 16)) >>> 1;
        int below = v - signature[i];
        signature[i] += below & (below >> 31);
      }
    }
    return signature;
  }

  /**
   * One 64-bit key per band: a hash of the band's index and its {@code rows} values. Documents whose keys agree
   * in some band are candidates; the index is in so that equal values in different bands do not collide.
   */
  public long[] bandKeys(int[] signature) {
    if (signature == null || signature.length != bands * rows) {
      throw new IllegalArgumentException("a signature of " + bands * rows + " values is needed");
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = P3 + band;
      for (int i = band * rows; i < (band + 1) * rows; i++) {
        h = Long.rotateLeft(h ^ (signature[i] * P2), 31) * P1;
      }
      keys[band] = mix(h);
    }
    return keys;
  }

  /** The share of a signature's values two signatures agree on: an estimate of the pair's Jaccard similarity. */
  public static double agreement(int[] x, int[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("signatures of " + x.length + " and " + y.length + " values");
    }
    int same = 0;
    for (int i = 0; i < x.length; i++) {
      same += x[i] == y[i] ? 1 : 0;
    }
    return (double) same / x.length;
  }

  /** The probability that two documents of Jaccard similarity {@code jaccard} share a band. */
  public static double probability(double jaccard, int bands, int rows) {
    return 1 - Math.pow(1 - Math.pow(jaccard, rows), bands);
  }

  /** The similarity at which that probability rises fastest, about {@code (1/bands)^(1/rows)}. */
  public static double threshold(int bands, int rows) {
    return Math.pow(1.0 / bands, 1.0 / rows);
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    return h ^ (h >>> 32);
  }
}

package org.corpuskit.decont;

import java.io.Serializable;

/**
 * A Bloom filter of 64-bit fingerprints whose probes for one value all fall in one 512-bit block, one cache
 * line: a lookup costs one memory access however many bits it checks (Putze, Sanders and Singler, "Cache-,
 * hash- and space-efficient Bloom filters", 2007). The values are fingerprints, already uniform, so the block
 * and the block is taken from their own high bits without hashing again.
 *
 * <p>Its false-positive rate is computed, not guessed: the number of values in a block is Poisson-distributed
 * around the mean, and a block holding j values answers yes to an absent one with probability
 * {@code (1 - (1 - 1/512)^(j k))^k}; {@link #falsePositiveRate()} sums that over j. BlockedBloomTest measures it.
 *
 * <p>Thread-safe once built: {@link #mightContain} only reads.
 */
public final class BlockedBloom implements FingerprintFilter, Serializable {
  private static final long serialVersionUID = 1L;
  private static final int BLOCK_BITS = 512;
  private static final int WORDS_PER_BLOCK = BLOCK_BITS / 64;
  private static final int MAX_PROBES = 7;

  private final long[] words;
  private final int blocks;
  private final int probes;
  private long size;

  private BlockedBloom(int blocks, int probes) {
    this.blocks = blocks;
    this.probes = probes;
    this.words = new long[blocks * WORDS_PER_BLOCK];
  }

  /**
   * An empty filter for {@code expected} values whose false-positive rate, once they are all in, is at most
   * {@code falsePositiveRate}: the fewest blocks, each power of two apart, that reach it.
   */
  public static BlockedBloom forValues(long expected, double falsePositiveRate) {
    if (expected < 0) {
      throw new IllegalArgumentException("expected must not be negative, got " + expected);
    }
    if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
      throw new IllegalArgumentException("falsePositiveRate must be between 0 and 1, got " + falsePositiveRate);
    }
    for (long blocks = 1; blocks <= Integer.MAX_VALUE / WORDS_PER_BLOCK; blocks *= 2) {
      int probes = bestProbes(expected, blocks);
      if (rate(expected, blocks, probes) <= falsePositiveRate) {
        return new BlockedBloom((int) blocks, probes);
      }
    }
    throw new IllegalArgumentException(expected + " values do not fit a Bloom filter of at most 2 GiB at rate "
        + falsePositiveRate);
  }

  /** Adds a fingerprint. */
  public void add(long fingerprint) {
    int base = block(fingerprint) * WORDS_PER_BLOCK;
    long bits = bitsOf(fingerprint);
    for (int i = 0; i < probes; i++) {
      int bit = (int) (bits & (BLOCK_BITS - 1));
      words[base + (bit >>> 6)] |= 1L << bit;
      bits >>>= 9;
    }
    size++;
  }

  @Override
  public boolean mightContain(long fingerprint) {
    int base = block(fingerprint) * WORDS_PER_BLOCK;
    long bits = bitsOf(fingerprint);
    for (int i = 0; i < probes; i++) {
      int bit = (int) (bits & (BLOCK_BITS - 1));
      if ((words[base + (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
      bits >>>= 9;
    }
    return true;
  }

  /** The chance that a fingerprint never added is reported present, with the values added so far. */
  @Override
  public double falsePositiveRate() {
    return rate(size, blocks, probes);
  }

  @Override
  public long bytes() {
    return words.length * 8L;
  }

  /** The block from the high 32 bits, by multiply-shift rather than modulo. */
  private int block(long fingerprint) {
    return (int) (((fingerprint >>> 32) * blocks) >>> 32);
  }

  /**
   * The bits the probes take 9 at a time: the fingerprint remixed (SplitMix64's finaliser), since its high bits
   * already chose the block and would put every value of a block on the same bits.
   */
  private static long bitsOf(long fingerprint) {
    long z = (fingerprint ^ (fingerprint >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The probe count that minimises the rate for a block's mean load, as for a plain Bloom filter. */
  private static int bestProbes(long values, long blocks) {
    double bitsPerValue = (double) blocks * BLOCK_BITS / Math.max(1, values);
    return (int) Math.max(1, Math.min(MAX_PROBES, Math.round(bitsPerValue * Math.log(2))));
  }

  /** The Poisson mixture of the class comment, in log space so that large means do not underflow. */
  static double rate(long values, long blocks, int probes) {
    double mean = (double) values / blocks;
    if (mean > 4 * BLOCK_BITS) {
      return 1;
    }
    double sum = 0;
    double logPoisson = -mean;
    int last = (int) (mean + 10 * Math.sqrt(mean) + 20);
    for (int j = 0; j <= last; j++) {
      if (j > 0) {
        logPoisson += Math.log(mean) - Math.log(j);
      }
      double bitSet = 1 - Math.pow(1 - 1.0 / BLOCK_BITS, (double) j * probes);
      sum += Math.exp(logPoisson) * Math.pow(bitSet, probes);
    }
    return Math.min(1, sum);
  }
}

package org.corpuskit.decont;

import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The n-grams of a set of test items as fingerprints, small enough to ship to every task, and the scan of a
 * document against them.
 *
 * <p>An item gives its n-grams of {@code n} tokens; an item shorter than that but of at least
 * {@code minTokens} tokens gives one n-gram of all of them; a shorter item gives none. So n-grams come in
 * several lengths, and a document must be probed at every position for each. To keep that to one memory access
 * per position, the index holds two filters: a {@link BlockedBloom} of each n-gram's first {@code minTokens}
 * tokens, small enough to sit in the CPU cache, probed at every position; and
 * the n-grams' own fingerprints, exact ({@link FingerprintSet}) or, above a size limit, a Bloom filter at a
 * stated false-positive rate, probed only where the first answered yes. Either may answer yes wrongly; the
 * stage verifies every hit against the n-gram's text.
 *
 * <p>Thread-safe once built: scanning only reads. Serializable, for a Spark broadcast.
 */
public final class NGramIndex implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The prefilter's rate: low enough that the second filter is rarely asked, small enough to stay in cache. */
  private static final double PREFILTER_RATE = 0.02;

  private final int minTokens;
  private final int[] lengths;
  private final BlockedBloom prefilter;
  private final FingerprintFilter grams;
  private final long count;

  private NGramIndex(int minTokens, int[] lengths, BlockedBloom prefilter, FingerprintFilter grams, long count) {
    this.minTokens = minTokens;
    this.lengths = lengths;
    this.prefilter = prefilter;
    this.grams = grams;
    this.count = count;
  }

  /** Receives an n-gram: {@code length} tokens from token {@code from}. */
  @FunctionalInterface
  public interface GramConsumer {
    void accept(int from, int length, long fingerprint);
  }

  /**
   * Passes each n-gram of a test item's tokens to {@code out}: every run of {@code n}, or all of them when
   * there are fewer but at least {@code minTokens}. Returns how many; 0 for an item too short to have any.
   */
  public static int gramsOf(Tokens item, int n, int minTokens, GramConsumer out) {
    checkLengths(n, minTokens);
    int tokens = item.count();
    if (tokens < minTokens) {
      return 0;
    }
    int length = Math.min(n, tokens);
    int grams = tokens - length + 1;
    for (int i = 0; i < grams; i++) {
      out.accept(i, length, item.fingerprint(i, length));
    }
    return grams;
  }

  /**
   * Passes to {@code out} every n-gram of a document's tokens whose fingerprint the index holds (or, at the
   * filters' rates, does not), longest-first at each position.
   */
  public void scan(Tokens document, GramConsumer out) {
    int tokens = document.count();
    for (int i = 0; i + minTokens <= tokens; i++) {
      if (!prefilter.mightContain(document.fingerprint(i, minTokens))) {
        continue;
      }
      for (int l = lengths.length - 1; l >= 0; l--) {
        int length = lengths[l];
        if (i + length > tokens) {
          continue;
        }
        long fingerprint = document.fingerprint(i, length);
        if (grams.mightContain(fingerprint)) {
          out.accept(i, length, fingerprint);
        }
      }
    }
  }

  /** The n-grams added, repeats included. */
  public long count() {
    return count;
  }

  /** The n-gram lengths present, ascending. */
  public int[] lengths() {
    return lengths.clone();
  }

  /** "set" when the n-grams are held exactly, "bloom" when in a Bloom filter. */
  public String kind() {
    return grams instanceof FingerprintSet ? "set" : "bloom";
  }

  /** The n-gram filter's false-positive rate: 0 for the exact set. */
  public double falsePositiveRate() {
    return grams.falsePositiveRate();
  }

  /** The memory of both filters: what every executor receives. */
  public long bytes() {
    return prefilter.bytes() + grams.bytes();
  }

  private static void checkLengths(int n, int minTokens) {
    if (n < 1 || n > Tokens.maxLength()) {
      throw new IllegalArgumentException("n must be between 1 and " + Tokens.maxLength() + ", got " + n);
    }
    if (minTokens < 1 || minTokens > n) {
      throw new IllegalArgumentException("minTokens must be between 1 and n (" + n + "), got " + minTokens);
    }
  }

  /**
   * Collects the n-grams of test items, then builds the index sized for them. Not thread-safe. Holds 16 bytes
   * per n-gram until {@link #build}.
   */
  public static final class Builder {
    private final int n;
    private final int minTokens;
    private final long setLimit;
    private final double bloomRate;
    private final BitSet lengths = new BitSet();
    private long[] fingerprints = new long[1024];
    private long[] prefixes = new long[1024];
    private int size;

    /**
     * @param n the n-gram length
     * @param minTokens the fewest tokens an item needs to give an n-gram
     * @param setLimit the most n-grams held as an exact set; above it, a Bloom filter
     * @param bloomRate the Bloom filter's false-positive rate
     */
    public Builder(int n, int minTokens, long setLimit, double bloomRate) {
      checkLengths(n, minTokens);
      if (setLimit < 0) {
        throw new IllegalArgumentException("setLimit must not be negative, got " + setLimit);
      }
      if (!(bloomRate > 0 && bloomRate < 1)) {
        throw new IllegalArgumentException("bloomRate must be between 0 and 1, got " + bloomRate);
      }
      this.n = n;
      this.minTokens = minTokens;
      this.setLimit = setLimit;
      this.bloomRate = bloomRate;
    }

    /** Adds a test item's n-grams; returns how many it gave, 0 for an item too short. */
    public int add(Tokens item) {
      return gramsOf(item, n, minTokens, (from, length, fingerprint) -> {
        if (size == fingerprints.length) {
          fingerprints = Arrays.copyOf(fingerprints, size * 2);
          prefixes = Arrays.copyOf(prefixes, size * 2);
        }
        fingerprints[size] = fingerprint;
        prefixes[size] = item.fingerprint(from, minTokens);
        size++;
        lengths.set(length);
      });
    }

    /** The number of n-grams added so far, repeats included. */
    public long size() {
      return size;
    }

    /** The index of every n-gram added: exact when there are at most {@code setLimit}. */
    public NGramIndex build() {
      BlockedBloom prefilter = BlockedBloom.forValues(size, PREFILTER_RATE);
      FingerprintFilter grams;
      if (size <= setLimit) {
        FingerprintSet set = new FingerprintSet(size);
        for (int i = 0; i < size; i++) {
          set.add(fingerprints[i]);
        }
        grams = set;
      } else {
        BlockedBloom bloom = BlockedBloom.forValues(size, bloomRate);
        for (int i = 0; i < size; i++) {
          bloom.add(fingerprints[i]);
        }
        grams = bloom;
      }
      for (int i = 0; i < size; i++) {
        prefilter.add(prefixes[i]);
      }
      return new NGramIndex(minTokens, lengths.stream().toArray(), prefilter, grams, size);
    }
  }
}

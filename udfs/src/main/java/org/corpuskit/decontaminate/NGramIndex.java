package org.corpuskit.decontaminate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The n-grams of a set of test items as fingerprints, small enough to ship to every task, and the scan of a
 * document against them.
 *
 * <p>An item gives its n-grams of {@code n} tokens; an item shorter than that but of at least
 * {@code minTokens} tokens gives one n-gram of all of them; a shorter item gives none. All n-grams are held as
 * fingerprints, exactly ({@link FingerprintSet}) or, above a size limit, in a Bloom filter at a stated
 * false-positive rate. That set is far larger than the CPU cache, so the scan asks it only where one of two
 * small {@link BlockedBloom} prefilters says an n-gram may start:
 *
 * <ul>
 *   <li>Long items: of the {@code n - minTokens + 1} sub-grams of {@code minTokens} tokens in each n-gram, the
 *       one with the smallest fingerprint (the leftmost of equals), its minimiser, goes into the prefilter. A
 *       document's n-gram equal to an item's has the same minimiser, so the scan probes only the positions that
 *       are the minimiser of some window of the document (about {@code 2 / (n - minTokens + 2)} of them), and
 *       on a yes checks the n-grams whose window it minimises. Every n-gram overlap is still found.
 *   <li>Short items: the first {@code minTokens} tokens of each go into a second prefilter, probed at every
 *       position; short items are few, so it stays small.
 * </ul>
 *
 * Either filter may answer yes wrongly; the stage verifies every hit against the n-gram's text.
 *
 * <p>Thread-safe once built: scanning only reads, and keeps its buffer per call. Serializable, for a Spark
 * broadcast.
 */
public final class NGramIndex implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The prefilters' rate: low enough that the n-gram set is rarely asked, small enough to stay in cache. */
  private static final double PREFILTER_RATE = 0.002;

  private final int n;
  private final int minTokens;
  private final int[] lengths;
  private final BlockedBloom minimisers;
  private final BlockedBloom shortPrefixes;
  private final FingerprintFilter grams;
  private final long count;

  private NGramIndex(int n, int minTokens, int[] lengths, BlockedBloom minimisers, BlockedBloom shortPrefixes,
      FingerprintFilter grams, long count) {
    this.n = n;
    this.minTokens = minTokens;
    this.lengths = lengths;
    this.minimisers = minimisers;
    this.shortPrefixes = shortPrefixes;
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
   * filters' rates, does not): short items' n-grams first, then full-length ones in order of position.
   */
  public void scan(Tokens document, GramConsumer out) {
    int tokens = document.count();
    if (tokens < minTokens) {
      return;
    }
    long[] subGrams = new long[tokens - minTokens + 1];
    for (int i = 0; i < subGrams.length; i++) {
      subGrams[i] = document.fingerprint(i, minTokens);
    }
    if (lengths.length > 0 && lengths[0] < n) {
      scanShort(document, subGrams, out);
    }
    int[] minimiserAt = minimisers(subGrams, tokens);
    // Probed in a loop of their own, without a branch on the answer, so that the CPU overlaps the cache misses.
    boolean[] maybe = new boolean[minimiserAt.length];
    for (int j = 0; j < minimiserAt.length; j++) {
      maybe[j] = minimisers.mightContain(subGrams[minimiserAt[j]]);
    }
    int window = n - minTokens + 1;
    int checkedUpTo = -1;
    for (int j = 0; j < minimiserAt.length; j++) {
      if (!maybe[j]) {
        continue;
      }
      int minimiser = minimiserAt[j];
      int last = Math.min(minimiser, tokens - n);
      for (int from = Math.max(minimiser - window + 1, checkedUpTo + 1); from <= last; from++) {
        long fingerprint = document.fingerprint(from, n);
        if (grams.mightContain(fingerprint)) {
          out.accept(from, n, fingerprint);
        }
      }
      checkedUpTo = Math.max(checkedUpTo, last);
    }
  }

  /**
   * The positions that minimise some window of full-length n-grams (the leftmost of equal values), ascending,
   * each once. The minimum is carried from window to window and looked for anew only when it leaves.
   */
  private int[] minimisers(long[] subGrams, int tokens) {
    int window = n - minTokens + 1;
    int windows = Math.max(0, tokens - n + 1);
    int[] out = new int[windows];
    int count = 0;
    int minimiser = -1;
    for (int start = 0; start < windows; start++) {
      int last = start + window - 1;
      if (minimiser < start) {
        minimiser = start;
        for (int i = start + 1; i <= last; i++) {
          if (subGrams[i] < subGrams[minimiser]) {
            minimiser = i;
          }
        }
      } else if (subGrams[last] < subGrams[minimiser]) {
        minimiser = last;
      }
      if (count == 0 || out[count - 1] != minimiser) {
        out[count++] = minimiser;
      }
    }
    return Arrays.copyOf(out, count);
  }

  private void scanShort(Tokens document, long[] subGrams, GramConsumer out) {
    boolean[] maybe = new boolean[subGrams.length];
    for (int i = 0; i < subGrams.length; i++) {
      maybe[i] = shortPrefixes.mightContain(subGrams[i]);
    }
    for (int i = 0; i < subGrams.length; i++) {
      if (!maybe[i]) {
        continue;
      }
      for (int length : lengths) {
        if (length == n || i + length > document.count()) {
          break;
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

  /** The memory of the filters: what every executor receives. */
  public long bytes() {
    return minimisers.bytes() + shortPrefixes.bytes() + grams.bytes();
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
   * Collects the n-grams of test items, then builds the index sized for them. Not thread-safe. Holds 8 bytes
   * per n-gram and per prefilter value until {@link #build}.
   */
  public static final class Builder {
    private final int n;
    private final int minTokens;
    private final long setLimit;
    private final double bloomRate;
    private final BitSet lengths = new BitSet();
    private final Longs grams = new Longs();
    private final Longs minimisers = new Longs();
    private final Longs shortPrefixes = new Longs();

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
      int added = gramsOf(item, n, minTokens, (from, length, fingerprint) -> {
        grams.add(fingerprint);
        lengths.set(length);
      });
      if (added > 0 && item.count() < n) {
        shortPrefixes.add(item.fingerprint(0, minTokens));
      } else if (added > 0) {
        addMinimisers(item);
      }
      return added;
    }

    private void addMinimisers(Tokens item) {
      int window = n - minTokens + 1;
      int lastMinimiser = -1;
      for (int start = 0; start + n <= item.count(); start++) {
        int minimiser = start;
        long smallest = item.fingerprint(start, minTokens);
        for (int i = start + 1; i < start + window; i++) {
          long sub = item.fingerprint(i, minTokens);
          if (sub < smallest) {
            minimiser = i;
            smallest = sub;
          }
        }
        if (minimiser != lastMinimiser) {
          minimisers.add(smallest);
          lastMinimiser = minimiser;
        }
      }
    }

    /** The number of n-grams added so far, repeats included. */
    public long size() {
      return grams.size;
    }

    /** The index of every n-gram added: exact when there are at most {@code setLimit}. */
    public NGramIndex build() {
      FingerprintFilter filter;
      if (grams.size <= setLimit) {
        FingerprintSet set = new FingerprintSet(grams.size);
        grams.forEach(set::add);
        filter = set;
      } else {
        BlockedBloom bloom = BlockedBloom.forValues(grams.size, bloomRate);
        grams.forEach(bloom::add);
        filter = bloom;
      }
      return new NGramIndex(n, minTokens, lengths.stream().toArray(), bloomOf(minimisers), bloomOf(shortPrefixes),
          filter, grams.size);
    }

    private static BlockedBloom bloomOf(Longs values) {
      BlockedBloom bloom = BlockedBloom.forValues(values.size, PREFILTER_RATE);
      values.forEach(bloom::add);
      return bloom;
    }
  }

  /** A growable array of longs. */
  private static final class Longs {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    void forEach(java.util.function.LongConsumer consumer) {
      for (int i = 0; i < size; i++) {
        consumer.accept(values[i]);
      }
    }
  }
}

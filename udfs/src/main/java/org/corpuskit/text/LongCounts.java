package org.corpuskit.text;

import java.util.Arrays;

/**
 * Counts of 64-bit keys (n-gram hashes) in flat arrays: open addressing with linear probing, no boxing, so
 * counting the n-grams of a 10 MB document costs arrays of a few tens of MB rather than a {@code HashMap} of
 * objects. Keys are assumed well mixed (they are hashes); the table doubles at half full. Not thread-safe.
 */
public final class LongCounts {
  private long[] keys;
  private int[] counts;
  private int size;

  /** @param expected how many distinct keys to size for; the table grows past it */
  public LongCounts(int expected) {
    if (expected < 0) {
      throw new IllegalArgumentException("expected must not be negative, got " + expected);
    }
    int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
    keys = new long[capacity];
    counts = new int[capacity];
  }

  /** Adds one to {@code key}'s count and returns the new count: 1 the first time. */
  public int increment(long key) {
    int slot = find(keys, counts, key);
    if (counts[slot] == 0) {
      keys[slot] = key;
      if (++size * 2 > keys.length) {
        counts[slot] = 1;
        grow();
        return 1;
      }
    }
    return ++counts[slot];
  }

  /** The count of {@code key}, 0 when never added. */
  public int count(long key) {
    return counts[find(keys, counts, key)];
  }

  /** Forgets every key, keeping the table's size, so that one instance serves many texts. */
  public void clear() {
    Arrays.fill(counts, 0);
    size = 0;
  }

  /** How many distinct keys were added. */
  public int size() {
    return size;
  }

  private static int find(long[] keys, int[] counts, long key) {
    int mask = keys.length - 1;
    int slot = (int) (key ^ (key >>> 32)) & mask;
    while (counts[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldCounts[i] != 0) {
        int slot = find(keys, counts, oldKeys[i]);
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }
}

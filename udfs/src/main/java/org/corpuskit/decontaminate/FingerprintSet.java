package org.corpuskit.decontaminate;

import java.io.Serializable;

/**
 * An exact set of 64-bit fingerprints: open addressing with linear probing in one {@code long[]}, at most three
 * quarters full, 0 marking an empty slot (the fingerprint 0 is stored as 1, so the two are one value here; the
 * stage verifies every hit against the n-gram itself). Eight bytes per slot, no object per value.
 *
 * <p>Thread-safe once built: {@link #mightContain} only reads.
 */
public final class FingerprintSet implements FingerprintFilter, Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] slots;
  private final int mask;
  private long size;

  /** An empty set with room for {@code expected} fingerprints. */
  public FingerprintSet(long expected) {
    if (expected < 0 || expected > (1L << 28)) {
      throw new IllegalArgumentException("expected must be between 0 and 2^28, got " + expected);
    }
    int capacity = Integer.highestOneBit((int) Math.max(16, expected * 4 / 3 + 1)) * 2;
    slots = new long[capacity];
    mask = capacity - 1;
  }

  /** Adds a fingerprint; adding one twice keeps one. */
  public void add(long fingerprint) {
    long value = fingerprint == 0 ? 1 : fingerprint;
    int slot = slot(value);
    while (slots[slot] != 0) {
      if (slots[slot] == value) {
        return;
      }
      slot = (slot + 1) & mask;
    }
    if ((size + 1) * 4 > slots.length * 3L) {
      throw new IllegalStateException("more fingerprints than the " + slots.length * 3 / 4 + " this set was made for");
    }
    slots[slot] = value;
    size++;
  }

  @Override
  public boolean mightContain(long fingerprint) {
    long value = fingerprint == 0 ? 1 : fingerprint;
    for (int slot = slot(value); slots[slot] != 0; slot = (slot + 1) & mask) {
      if (slots[slot] == value) {
        return true;
      }
    }
    return false;
  }

  /** The number of distinct fingerprints in it. */
  public long size() {
    return size;
  }

  @Override
  public double falsePositiveRate() {
    return 0;
  }

  @Override
  public long bytes() {
    return slots.length * 8L;
  }

  /** The high bits, which for a uniform fingerprint are as good as any and need no further mixing. */
  private int slot(long value) {
    return (int) (value >>> 33) & mask;
  }
}

package org.corpuskit.jobs.stages.pack;

import java.io.Serializable;

/** Where a sequence goes: its shard, and its place in the shard's seeded order. */
record SequenceKey(int shard, long order) implements Comparable<SequenceKey>, Serializable {
  @Override
  public int compareTo(SequenceKey other) {
    int byShard = Integer.compare(shard, other.shard);
    return byShard != 0 ? byShard : Long.compare(order, other.order);
  }

  /** The seeded order of sequence {@code index} of {@code shard}: SplitMix64 of the three. */
  static SequenceKey of(int shard, long index, long seed) {
    long z = seed + 0x9E3779B97F4A7C15L * (((long) shard << 40) + index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SequenceKey(shard, z ^ (z >>> 31));
  }
}

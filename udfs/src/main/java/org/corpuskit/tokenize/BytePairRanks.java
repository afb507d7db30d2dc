package org.corpuskit.tokenize;

import java.util.Arrays;
import java.util.Map;

/**
 * A byte-level BPE vocabulary (token bytes to rank, the rank being the id, as in tiktoken) and its merge: a
 * piece's bytes become the ids that merging the lowest-ranked adjacent pair first, the leftmost among equals,
 * gives. Every part of a piece is a token from its first byte to its last merge, so merging works on ranks:
 * a table of every pair of tokens whose bytes joined are a token gives the joined token's rank in one probe of
 * a long key. Tokens of up to seven bytes (most words) are found the same way, their bytes being the key.
 * Finding a piece that is one token allocates nothing. Thread-safe: the vocabulary is immutable and the cache
 * of merged pieces is written a whole immutable entry at a time.
 */
final class BytePairRanks {
  /** Longer pieces merge through a heap, so that one long run of letters costs n log n, not n squared. */
  private static final int SHORT_PIECE = 128;
  /** The longest token whose bytes, with its length, fit a long key. */
  private static final int SHORT_TOKEN = 7;
  /** The rank of a pair that is not a token. */
  private static final int NONE = Integer.MAX_VALUE;
  /** The previous part of a part merged into it. */
  private static final int GONE = -2;

  private final byte[] bytes;
  private final int[] starts;
  private final int[] ranks;
  private final int[] slots;
  private final int mask;
  private final int[] byteRanks = new int[256];
  private final LongIntTable shortTokens;
  private final LongIntTable pairs;
  private final Merged[] merged = new Merged[1 << 14];

  /**
   * @param vocabulary every token's bytes and rank; every single byte must be a token
   */
  BytePairRanks(Map<byte[], Integer> vocabulary) {
    int size = vocabulary.size();
    int total = vocabulary.keySet().stream().mapToInt(key -> key.length).sum();
    bytes = new byte[total];
    starts = new int[size + 1];
    ranks = new int[size];
    slots = new int[Integer.highestOneBit(size * 2) << 1];
    mask = slots.length - 1;
    shortTokens = new LongIntTable(size);
    int entry = 0;
    for (Map.Entry<byte[], Integer> token : vocabulary.entrySet()) {
      byte[] key = token.getKey();
      System.arraycopy(key, 0, bytes, starts[entry], key.length);
      starts[entry + 1] = starts[entry] + key.length;
      ranks[entry] = token.getValue();
      int slot = hash(key, 0, key.length) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = entry + 1;
      if (key.length <= SHORT_TOKEN) {
        shortTokens.put(shortKey(key, key.length), ranks[entry]);
      }
      entry++;
    }
    byte[] one = new byte[1];
    for (int b = 0; b < 256; b++) {
      one[0] = (byte) b;
      byteRanks[b] = rank(one, 0, 1);
      if (byteRanks[b] < 0) {
        throw new IllegalArgumentException("the vocabulary has no token for the byte " + b
            + ", so some text could not be encoded; byte-level BPE needs all 256");
      }
    }
    long[] pairKeys = new long[size];
    int[] joinedRanks = new int[size];
    int count = 0;
    for (int e = 0; e < size; e++) {
      for (int cut = starts[e] + 1; cut < starts[e + 1]; cut++) {
        int left = rank(bytes, starts[e], cut);
        int right = left < 0 ? -1 : rank(bytes, cut, starts[e + 1]);
        if (right >= 0) {
          if (count == pairKeys.length) {
            pairKeys = Arrays.copyOf(pairKeys, count * 2);
            joinedRanks = Arrays.copyOf(joinedRanks, count * 2);
          }
          pairKeys[count] = pairKey(left, right);
          joinedRanks[count++] = ranks[e];
        }
      }
    }
    pairs = new LongIntTable(count);
    for (int p = 0; p < count; p++) {
      pairs.put(pairKeys[p], joinedRanks[p]);
    }
  }

  /** The rank of {@code piece[from, to)}, or -1 when it is not a token. */
  int rank(byte[] piece, int from, int to) {
    return rank(hash(piece, from, to), piece, from, to);
  }

  private int rank(int hash, byte[] piece, int from, int to) {
    int length = to - from;
    for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      int entry = slots[slot] - 1;
      int start = starts[entry];
      if (starts[entry + 1] - start == length && Arrays.equals(bytes, start, start + length, piece, from, to)) {
        return ranks[entry];
      }
    }
    return -1;
  }

  /** Appends the ids of {@code piece[0, length)} to {@code out}. */
  void merge(byte[] piece, int length, Ids out) {
    int hash;
    if (length <= SHORT_TOKEN) {
      long key = shortKey(piece, length);
      int whole = shortTokens.get(key);
      if (whole >= 0) {
        out.add(whole);
        return;
      }
      hash = LongIntTable.mix(key);
    } else {
      hash = hash(piece, 0, length);
      int whole = rank(hash, piece, 0, length);
      if (whole >= 0) {
        out.add(whole);
        return;
      }
    }
    int slot = hash & (merged.length - 1);
    Merged cached = merged[slot];
    if (cached != null && Arrays.equals(cached.piece, 0, cached.piece.length, piece, 0, length)) {
      out.addAll(cached.ids);
      return;
    }
    Ids ids = new Ids(length);
    if (length <= SHORT_PIECE) {
      mergeShort(piece, length, ids);
    } else {
      mergeLong(piece, length, ids);
    }
    cached = new Merged(Arrays.copyOf(piece, length), ids.toArray());
    merged[slot] = cached;
    out.addAll(cached.ids);
  }

  /**
   * The bytes of a piece of at most seven bytes after a leading byte of its length: distinct pieces, distinct
   * keys, and never the empty key.
   */
  private static long shortKey(byte[] piece, int length) {
    long key = length;
    for (int i = 0; i < length; i++) {
      key = key << 8 | piece[i] & 0xff;
    }
    return key;
  }

  /**
   * A piece of more than one token and its ids, in a direct-mapped cache: words recur, and merging costs ten
   * lookups where finding the piece again costs one. Entries are immutable and the slots are written whole, so
   * threads may race on a slot and each still reads a whole entry.
   */
  private record Merged(byte[] piece, int[] ids) {}

  /** Tiktoken's own loop: the parts in an array, the lowest pair found by a scan. */
  private void mergeShort(byte[] piece, int length, Ids out) {
    int[] parts = new int[length];
    int[] joined = new int[length];
    for (int i = 0; i < length; i++) {
      parts[i] = byteRanks[piece[i] & 0xff];
    }
    int count = length;
    for (int i = 0; i + 1 < count; i++) {
      joined[i] = joined(parts[i], parts[i + 1]);
    }
    while (count > 1) {
      int lowest = NONE;
      int at = -1;
      for (int i = 0; i + 1 < count; i++) {
        if (joined[i] < lowest) {
          lowest = joined[i];
          at = i;
        }
      }
      if (at < 0) {
        break;
      }
      parts[at] = lowest;
      System.arraycopy(parts, at + 2, parts, at + 1, count - at - 2);
      System.arraycopy(joined, at + 2, joined, at + 1, count - at - 2);
      count--;
      if (at + 1 < count) {
        joined[at] = joined(parts[at], parts[at + 1]);
      }
      if (at > 0) {
        joined[at - 1] = joined(parts[at - 1], parts[at]);
      }
    }
    for (int i = 0; i < count; i++) {
      out.add(parts[i]);
    }
  }

  /**
   * The same merges in the same order, for long pieces: parts as a linked list over their start offsets, pairs
   * in a heap ordered by rank then offset. A pair changed by a merge is pushed again with its new rank, and an
   * entry whose rank is no longer its pair's is skipped when it comes up.
   */
  private void mergeLong(byte[] piece, int length, Ids out) {
    int[] parts = new int[length];
    int[] next = new int[length];
    int[] previous = new int[length];
    LongHeap heap = new LongHeap(length);
    for (int i = 0; i < length; i++) {
      parts[i] = byteRanks[piece[i] & 0xff];
      next[i] = i + 1;
      previous[i] = i - 1;
    }
    for (int i = 0; i + 1 < length; i++) {
      push(heap, parts, i, i + 1);
    }
    while (!heap.isEmpty()) {
      long top = heap.pop();
      int rank = (int) (top >>> 32);
      int start = (int) top;
      if (previous[start] == GONE || next[start] >= length || joined(parts[start], parts[next[start]]) != rank) {
        continue;
      }
      int gone = next[start];
      int end = next[gone];
      previous[gone] = GONE;
      parts[start] = rank;
      next[start] = end;
      if (end < length) {
        previous[end] = start;
        push(heap, parts, start, end);
      }
      if (previous[start] >= 0) {
        push(heap, parts, previous[start], start);
      }
    }
    for (int start = 0; start < length; start = next[start]) {
      out.add(parts[start]);
    }
  }

  private void push(LongHeap heap, int[] parts, int left, int right) {
    int rank = joined(parts[left], parts[right]);
    if (rank != NONE) {
      heap.push((long) rank << 32 | left);
    }
  }

  /** The rank of the token whose bytes are those of {@code left} then {@code right}, or NONE. */
  private int joined(int left, int right) {
    int rank = pairs.get(pairKey(left, right));
    return rank < 0 ? NONE : rank;
  }

  private static long pairKey(int left, int right) {
    return (long) left << 32 | right & 0xffffffffL;
  }

  private static int hash(byte[] piece, int from, int to) {
    int h = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      h = (h ^ piece[i]) * 0x01000193;
    }
    return h ^ h >>> 16;
  }

  /** A growable array of ids. */
  static final class Ids {
    private int[] ids;
    private int size;

    Ids(int capacity) {
      ids = new int[Math.max(16, capacity)];
    }

    void add(int id) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size++] = id;
    }

    void addAll(int[] more) {
      if (size + more.length > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(size + more.length, size * 2));
      }
      System.arraycopy(more, 0, ids, size, more.length);
      size += more.length;
    }

    int[] toArray() {
      return Arrays.copyOf(ids, size);
    }
  }

  /** Non-negative long keys to non-negative ints, open addressing, each key beside its value. */
  private static final class LongIntTable {
    private static final long EMPTY = -1;
    private final long[] entries;
    private final int mask;

    LongIntTable(int capacity) {
      int slots = Integer.highestOneBit(Math.max(1, capacity) * 2) << 1;
      entries = new long[slots * 2];
      mask = slots - 1;
      for (int slot = 0; slot < slots; slot++) {
        entries[2 * slot] = EMPTY;
      }
    }

    static int mix(long key) {
      long h = key * 0x9e3779b97f4a7c15L;
      return (int) (h ^ h >>> 29);
    }

    void put(long key, int value) {
      int slot = mix(key) & mask;
      while (entries[2 * slot] != EMPTY && entries[2 * slot] != key) {
        slot = (slot + 1) & mask;
      }
      entries[2 * slot] = key;
      entries[2 * slot + 1] = value;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
      for (int slot = mix(key) & mask; entries[2 * slot] != EMPTY; slot = (slot + 1) & mask) {
        if (entries[2 * slot] == key) {
          return (int) entries[2 * slot + 1];
        }
      }
      return -1;
    }
  }

  /** A binary min-heap of longs. */
  private static final class LongHeap {
    private long[] items;
    private int size;

    LongHeap(int capacity) {
      items = new long[Math.max(16, capacity)];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void push(long item) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      int at = size++;
      while (at > 0 && items[(at - 1) / 2] > item) {
        items[at] = items[(at - 1) / 2];
        at = (at - 1) / 2;
      }
      items[at] = item;
    }

    long pop() {
      long top = items[0];
      long last = items[--size];
      int at = 0;
      while (2 * at + 1 < size) {
        int child = 2 * at + 1;
        if (child + 1 < size && items[child + 1] < items[child]) {
          child++;
        }
        if (items[child] >= last) {
          break;
        }
        items[at] = items[child];
        at = child;
      }
      items[at] = last;
      return top;
    }
  }
}

package org.corpuskit.lang;

import java.util.Arrays;

/**
 * The n-gram models of all languages in one open-addressing hash table: a key (up to four UTF-16 units, 16 bits
 * each, so n-grams of different lengths never share a key) leads to the weights of the languages that know the
 * n-gram. A weight is the n-gram's log-probability above the floor that stands for "unseen", in units of
 * 1/{@value #UNITS_PER_NAT} nat, at most {@value #MAX_WEIGHT}; languages that do not know an n-gram get 0, so
 * only the known ones need adding.
 *
 * <p>Scores are summed in lanes: 16 bits a language, four languages to a {@code long}, so one addition serves
 * four languages (the sum of at most {@value #MAX_ADDS} weights fits a lane). The additions, not the lookups,
 * bound the speed: a common trigram is known to some 40 languages. An n-gram many languages know keeps a
 * dense row of lanes over the languages' range (languages of one script are neighbours, so the range is
 * short); one that few know keeps a sparse list of 16-bit postings, {@code language << 10 | weight}.
 *
 * <p>A slot is one {@code long}: a 32-bit fingerprint of the key and the 32-bit place of its weights. Storing
 * fingerprints instead of keys halves the table (1.8 million keys with quadrigrams); a key that is absent is
 * taken for a present one when its fingerprint matches a slot on its probe path, about once in 10^9 lookups,
 * which adds one n-gram's weights to one chunk. Linear probing at a load factor of at most one half.
 *
 * <p>Thread-safe after construction: read-only arrays.
 */
final class NGramTable {
  static final int UNITS_PER_NAT = 64;
  static final int MAX_WEIGHT = (1 << 10) - 1;
  /** Languages a posting can name; Lingua has 62 that share a script, the others are told by script alone. */
  static final int MAX_LANGUAGES = 1 << 6;
  /** Additions to a lane between two {@link #score} reads that cannot overflow its 16 bits. */
  static final int MAX_ADDS = 0xFFFF / MAX_WEIGHT;

  /** A place: sparse {@code offset << 7 | count}, or dense {@code DENSE | row << 9 | first lane << 5 | lanes}. */
  private static final int DENSE = Integer.MIN_VALUE;
  private static final int MAX_OFFSET = (1 << 24) - 1;
  private static final int MAX_ROW = (1 << 22) - 1;

  private final long[] slots;
  private final char[] postings;
  private final long[] rows;
  private final int shift;

  private NGramTable(long[] slots, char[] postings, long[] rows) {
    this.slots = slots;
    this.postings = postings;
    this.rows = rows;
    this.shift = Long.numberOfLeadingZeros(slots.length) + 1;
  }

  /** The number of {@code long} lanes that hold the scores of {@code languages} languages. */
  static int lanes(int languages) {
    return (languages + 3) / 4;
  }

  /** A language's score in {@code lanes}. */
  static int score(long[] lanes, int language) {
    return (int) (lanes[language >>> 2] >>> ((language & 3) << 4)) & 0xFFFF;
  }

  /**
   * Adds the weights of the first {@code count} {@code keys}' languages to {@code lanes}. All keys are looked up
   * before any weight is added, so the cache misses of the lookups overlap instead of waiting one by one behind
   * the additions. {@code places} is scratch space as long as {@code keys}.
   */
  void addAll(long[] keys, int count, int[] places, long[] lanes) {
    for (int k = 0; k < count; k++) {
      places[k] = place(keys[k]);
    }
    for (int k = 0; k < count; k++) {
      int place = places[k];
      if (place < 0) {
        int row = (place >>> 9) & MAX_ROW;
        int first = (place >>> 5) & 0xF;
        int last = first + (place & 0x1F);
        for (int lane = first; lane < last; lane++) {
          lanes[lane] += rows[row++];
        }
      } else {
        for (int i = place >>> 7, end = i + (place & 0x7F); i < end; i++) {
          int posting = postings[i];
          lanes[posting >>> 12] += (long) (posting & MAX_WEIGHT) << ((posting >>> 6) & 0x30);
        }
      }
    }
  }

  /** The key's place, 0 (no postings) when no language knows it. */
  private int place(long key) {
    long mixed = mix(key);
    int fingerprint = fingerprint(mixed);
    int mask = slots.length - 1;
    for (int slot = (int) (mixed >>> shift); ; slot = (slot + 1) & mask) {
      long stored = slots[slot];
      if ((int) (stored >>> 32) == fingerprint) {
        return (int) stored;
      }
      if (stored == 0) {
        return 0;
      }
    }
  }

  /** MurmurHash3's 64-bit finaliser: the high bits pick the slot, the low 32 are the fingerprint. */
  private static long mix(long key) {
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** Never 0, which marks an empty slot. */
  private static int fingerprint(long mixed) {
    int fingerprint = (int) mixed;
    return fingerprint == 0 ? 1 : fingerprint;
  }

  /** Collects postings in any order; not thread-safe. */
  static final class Builder {
    private long[] keys = new long[1 << 16];
    private int[] heads = new int[1 << 16];
    private int distinct;
    private char[] values = new char[1 << 16];
    private int[] next = new int[1 << 16];
    private int size;

    /** Adds a posting; each (key, language) pair must be added once. */
    void add(long key, int language, int weight) {
      if (key == 0 || language < 0 || language >= MAX_LANGUAGES || weight < 0 || weight > MAX_WEIGHT) {
        throw new IllegalArgumentException("bad posting " + key + " " + language + " " + weight);
      }
      if (2 * (distinct + 1) > keys.length) {
        grow();
      }
      int slot = find(keys, key);
      if (keys[slot] == 0) {
        keys[slot] = key;
        heads[slot] = -1;
        distinct++;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * size);
        next = Arrays.copyOf(next, 2 * size);
      }
      values[size] = (char) (language << 10 | weight);
      next[size] = heads[slot];
      heads[slot] = size++;
    }

    NGramTable build() {
      long[] slots = new long[keys.length];
      char[] postings = new char[size];
      long[] rows = new long[size];
      int offset = 0;
      int row = 0;
      int shift = Long.numberOfLeadingZeros(slots.length) + 1;
      for (int slot = 0; slot < keys.length; slot++) {
        if (keys[slot] == 0) {
          continue;
        }
        int count = 0;
        int first = Integer.MAX_VALUE;
        int last = 0;
        for (int i = heads[slot]; i >= 0; i = next[i]) {
          count++;
          first = Math.min(first, values[i] >>> 12);
          last = Math.max(last, values[i] >>> 12);
        }
        int width = last - first + 1;
        int place;
        // A lane addition and a posting addition cost about the same; a row needs as many as it has lanes.
        if (count > width) {
          place = DENSE | checked(row, MAX_ROW) << 9 | first << 5 | width;
          for (int i = heads[slot]; i >= 0; i = next[i]) {
            rows[row + (values[i] >>> 12) - first] |= (long) (values[i] & MAX_WEIGHT) << ((values[i] >>> 6) & 0x30);
          }
          row += width;
        } else {
          place = checked(offset, MAX_OFFSET) << 7 | count;
          for (int i = heads[slot]; i >= 0; i = next[i]) {
            postings[offset++] = values[i];
          }
        }
        long mixed = mix(keys[slot]);
        int target = (int) (mixed >>> shift);
        while (slots[target] != 0) {
          target = (target + 1) & (slots.length - 1);
        }
        slots[target] = (long) fingerprint(mixed) << 32 | (place & 0xFFFF_FFFFL);
      }
      return new NGramTable(slots, Arrays.copyOf(postings, offset), Arrays.copyOf(rows, row));
    }

    private static int checked(int index, int max) {
      if (index > max) {
        throw new IllegalStateException("n-gram table too large: index " + index + " above " + max);
      }
      return index;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldHeads = heads;
      keys = new long[2 * oldKeys.length];
      heads = new int[keys.length];
      for (int old = 0; old < oldKeys.length; old++) {
        if (oldKeys[old] != 0) {
          int slot = find(keys, oldKeys[old]);
          keys[slot] = oldKeys[old];
          heads[slot] = oldHeads[old];
        }
      }
    }

    private static int find(long[] keys, long key) {
      int mask = keys.length - 1;
      int slot = (int) mix(key) & mask;
      while (keys[slot] != 0 && keys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }
  }
}

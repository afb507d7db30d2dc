package org.corpuskit.mix;

/**
 * How many times a document goes into the mixture, decided by its id alone, so that the choice is the same on
 * every run and however the documents are partitioned: a source taken {@code epochs} times over gives each of
 * its documents {@code floor(epochs)} copies, and one more to those whose seeded hash falls below the fraction
 * left. Down-sampling is the case {@code epochs < 1}.
 *
 * <p>Thread-safe: static methods.
 */
public final class Sampling {
  private Sampling() {}

  /** The copies of document {@code docId} for a source taken {@code epochs} times over. */
  public static int copies(String docId, double epochs, long seed) {
    if (docId == null) {
      throw new IllegalArgumentException("docId must not be null");
    }
    if (!(epochs >= 0) || epochs > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("epochs must be between 0 and 2^31, got " + epochs);
    }
    int whole = (int) Math.floor(epochs);
    return whole + (uniform(docId, seed) < epochs - whole ? 1 : 0);
  }

  /** A number in [0, 1) from the document's id and the seed: 64-bit FNV-1a of the id, mixed with the seed. */
  static double uniform(String docId, long seed) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < docId.length(); i++) {
      h = (h ^ docId.charAt(i)) * 0x100000001b3L;
    }
    h ^= seed * 0x9E3779B97F4A7C15L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53;
  }
}

package org.corpuskit.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHashTest {
  private final MinHash minHash = new MinHash(14, 8, 42);

  @Test
  void aSignatureHasBandsTimesRowsValuesAndIgnoresOrderAndRepeats() {
    long[] shingles = {5, 9, 1, 7};
    int[] signature = minHash.signature(shingles);
    assertEquals(112, signature.length);
    assertArrayEquals(signature, minHash.signature(new long[] {7, 7, 1, 9, 5, 5}));
  }

  @Test
  void theSameSeedGivesTheSameSignatureAndAnotherSeedAnother() {
    long[] shingles = random(new SplittableRandom(1), 300);
    assertArrayEquals(minHash.signature(shingles), new MinHash(14, 8, 42).signature(shingles));
    assertNotEquals(Arrays.toString(minHash.signature(shingles)),
        Arrays.toString(new MinHash(14, 8, 43).signature(shingles)));
  }

  @Test
  void agreementEstimatesJaccardWithinSamplingError() {
    MinHash wide = new MinHash(64, 16, 3);
    SplittableRandom random = new SplittableRandom(2);
    for (double target : new double[] {0.2, 0.5, 0.8}) {
      // Two sets sharing `common` of 2,000 shingles each have Jaccard common / (4000 - common).
      int common = (int) Math.round(4000 * target / (1 + target));
      long[] shared = random(random, common);
      long[] x = concat(shared, random(random, 2000 - common));
      long[] y = concat(shared, random(random, 2000 - common));
      double jaccard = ShingleSet.jaccard(ShingleSet.of(x), ShingleSet.of(y));
      double estimate = MinHash.agreement(wide.signature(x), wide.signature(y));
      // 1,024 values: the standard error is at most 0.016; four of them is a failure by the hash, not by chance.
      assertEquals(jaccard, estimate, 0.064, "at Jaccard " + jaccard);
    }
  }

  @Test
  void identicalDocumentsShareEveryBandAndUnrelatedOnesNone() {
    SplittableRandom random = new SplittableRandom(3);
    long[] x = random(random, 500);
    assertArrayEquals(minHash.bandKeys(minHash.signature(x)), minHash.bandKeys(minHash.signature(x.clone())));
    long[] xKeys = minHash.bandKeys(minHash.signature(x));
    long[] yKeys = minHash.bandKeys(minHash.signature(random(random, 500)));
    for (int band = 0; band < 14; band++) {
      assertNotEquals(xKeys[band], yKeys[band]);
    }
  }

  @Test
  void equalValuesInDifferentBandsGiveDifferentKeys() {
    MinHash two = new MinHash(2, 3, 0);
    long[] keys = two.bandKeys(new int[] {1, 2, 3, 1, 2, 3});
    assertNotEquals(keys[0], keys[1]);
  }

  @Test
  void theSCurvePassesHalfNearItsThreshold() {
    assertEquals(0.719, MinHash.threshold(14, 8), 0.001);
    double atThreshold = MinHash.probability(MinHash.threshold(14, 8), 14, 8);
    assertTrue(atThreshold > 0.5 && atThreshold < 0.7, "P(threshold) = " + atThreshold);
    assertEquals(0.0, MinHash.probability(0, 14, 8));
    assertEquals(1.0, MinHash.probability(1, 14, 8));
    assertTrue(MinHash.probability(0.85, 14, 8) > 0.95);
  }

  @Test
  void aSignatureNeedsAShingleAndKeysNeedAWholeSignature() {
    assertThrows(IllegalArgumentException.class, () -> minHash.signature(new long[0]));
    assertThrows(IllegalArgumentException.class, () -> minHash.bandKeys(new int[111]));
    assertThrows(IllegalArgumentException.class, () -> new MinHash(0, 8, 0));
  }

  private static long[] random(SplittableRandom random, int n) {
    return random.longs(n).toArray();
  }

  private static long[] concat(long[] x, long[] y) {
    long[] out = Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, out, x.length, y.length);
    return out;
  }
}

package org.corpuskit.decontaminate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockedBloomTest {
  @Test
  void everyAddedValueIsFound() {
    BlockedBloom bloom = BlockedBloom.forValues(100_000, 0.01);
    SplittableRandom random = new SplittableRandom(1);
    long[] values = random.longs(100_000).toArray();
    for (long v : values) {
      bloom.add(v);
    }
    for (long v : values) {
      assertTrue(bloom.mightContain(v));
    }
  }

  @Test
  void theMeasuredFalsePositiveRateIsTheStatedOne() {
    for (double target : new double[] {0.1, 0.01, 0.001}) {
      BlockedBloom bloom = BlockedBloom.forValues(200_000, target);
      SplittableRandom random = new SplittableRandom(2);
      random.longs(200_000).forEach(bloom::add);
      long probes = 2_000_000;
      long yes = random.longs(probes).filter(bloom::mightContain).count();
      double measured = (double) yes / probes;
      double stated = bloom.falsePositiveRate();
      assertTrue(stated <= target, "stated " + stated + " above target " + target);
      assertEquals(stated, measured, stated * 0.15 + 1e-5, "target " + target);
    }
  }

  @Test
  void aRateOutsideZeroToOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> BlockedBloom.forValues(10, 0));
    assertThrows(IllegalArgumentException.class, () -> BlockedBloom.forValues(10, 1));
  }
}

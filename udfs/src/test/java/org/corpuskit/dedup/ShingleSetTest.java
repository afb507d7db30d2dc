package org.corpuskit.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShingleSetTest {
  @Test
  void aSetIsSortedWithoutRepeats() {
    assertArrayEquals(new int[] {1, 2, 9}, ShingleSet.of(new long[] {9, 2, 9, 1, 2}));
  }

  @Test
  void jaccardIsSharedOverUnion() {
    assertEquals(2.0 / 4, ShingleSet.jaccard(new int[] {1, 2, 3}, new int[] {2, 3, 4}));
    assertEquals(1.0, ShingleSet.jaccard(new int[] {5}, new int[] {5}));
    assertEquals(0.0, ShingleSet.jaccard(new int[] {5}, new int[] {6}));
    assertEquals(1.0, ShingleSet.jaccard(new int[0], new int[0]));
  }

  @Test
  void negativeFoldsSortBeforePositiveOnes() {
    int[] set = ShingleSet.of(new long[] {0xFFFFFFFFL, 1});
    assertArrayEquals(new int[] {-1, 1}, set);
    assertEquals(1.0 / 3, ShingleSet.jaccard(set, new int[] {-1, 7}));
  }

  @Test
  void aPackedSetUnpacksToItself() {
    int[] set = ShingleSet.of(new long[] {-5, 0, 1L << 40, 77});
    assertArrayEquals(set, ShingleSet.unpack(ShingleSet.pack(set)));
    assertEquals(16, ShingleSet.pack(set).length);
  }
}

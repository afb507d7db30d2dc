package org.corpuskit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongCountsTest {
  @Test
  void incrementReturnsTheNewCount() {
    LongCounts counts = new LongCounts(0);
    assertEquals(1, counts.increment(0));
    assertEquals(2, counts.increment(0));
    assertEquals(1, counts.increment(-1));
    assertEquals(2, counts.size());
    assertEquals(0, counts.count(42));
  }

  @Test
  void countsAgreeWithAHashMapThroughManyGrowths() {
    LongCounts counts = new LongCounts(1);
    Map<Long, Integer> expected = new HashMap<>();
    Random random = new Random(11);
    for (int i = 0; i < 200_000; i++) {
      long key = random.nextInt(50_000) * 0x9E3779B97F4A7C15L;
      assertEquals((int) expected.merge(key, 1, Integer::sum), counts.increment(key));
    }
    assertEquals(expected.size(), counts.size());
    expected.forEach((key, count) -> assertEquals((int) count, counts.count(key)));
  }

  @Test
  void aClearedTableCountsFromZeroAgain() {
    LongCounts counts = new LongCounts(4);
    counts.increment(7);
    counts.increment(7);
    counts.clear();
    assertEquals(0, counts.size());
    assertEquals(0, counts.count(7));
    assertEquals(1, counts.increment(7));
  }

  @Test
  void aNegativeSizeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LongCounts(-1));
  }
}

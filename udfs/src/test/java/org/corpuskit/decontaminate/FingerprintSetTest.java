package org.corpuskit.decontaminate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {
  @Test
  void itHoldsExactlyTheValuesAdded() {
    SplittableRandom random = new SplittableRandom(3);
    Set<Long> added = new HashSet<>();
    FingerprintSet set = new FingerprintSet(50_000);
    for (int i = 0; i < 50_000; i++) {
      long v = random.nextLong(1 << 20);
      set.add(v);
      added.add(v);
    }
    assertEquals(added.size(), set.size());
    for (long v = 0; v < 1 << 20; v++) {
      assertEquals(added.contains(v), set.mightContain(v), "value " + v);
    }
  }

  @Test
  void zeroIsAValueLikeAnyOther() {
    FingerprintSet set = new FingerprintSet(4);
    assertFalse(set.mightContain(0));
    set.add(0);
    assertTrue(set.mightContain(0));
  }

  @Test
  void moreValuesThanItWasMadeForAreRefused() {
    FingerprintSet set = new FingerprintSet(10);
    assertThrows(IllegalStateException.class, () -> {
      for (long v = 1; v < 1000; v++) {
        set.add(v);
      }
    });
  }
}

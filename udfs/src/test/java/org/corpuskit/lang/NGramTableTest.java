package org.corpuskit.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NGramTableTest {
  private static final int LANGUAGES = 40;

  @Test
  void aKeyAddsTheWeightsOfTheLanguagesThatKnowItWhetherSparseOrDense() {
    NGramTable.Builder builder = new NGramTable.Builder();
    builder.add(1, 3, 100);
    builder.add(1, 38, 7);
    for (int language = 0; language < LANGUAGES; language++) {
      builder.add(2, language, language + 1);
    }
    NGramTable table = builder.build();
    long[] lanes = new long[NGramTable.lanes(LANGUAGES)];
    table.addAll(new long[] {1, 2, 99, 2}, 4, new int[4], lanes);
    for (int language = 0; language < LANGUAGES; language++) {
      int expected = 2 * (language + 1) + (language == 3 ? 100 : 0) + (language == 38 ? 7 : 0);
      assertEquals(expected, NGramTable.score(lanes, language), "language " + language);
    }
  }

  @Test
  void aChunkOfMaximalWeightsFitsItsLanes() {
    NGramTable.Builder builder = new NGramTable.Builder();
    for (int language = 0; language < LANGUAGES; language++) {
      builder.add(5, language, NGramTable.MAX_WEIGHT);
    }
    NGramTable table = builder.build();
    long[] keys = new long[NGramTable.MAX_ADDS];
    java.util.Arrays.fill(keys, 5);
    long[] lanes = new long[NGramTable.lanes(LANGUAGES)];
    table.addAll(keys, keys.length, new int[keys.length], lanes);
    for (int language = 0; language < LANGUAGES; language++) {
      assertEquals(NGramTable.MAX_ADDS * NGramTable.MAX_WEIGHT, NGramTable.score(lanes, language));
    }
  }

  @Test
  void postingsThatDoNotFitAreRefused() {
    NGramTable.Builder builder = new NGramTable.Builder();
    assertThrows(IllegalArgumentException.class, () -> builder.add(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> builder.add(1, NGramTable.MAX_LANGUAGES, 1));
    assertThrows(IllegalArgumentException.class, () -> builder.add(1, 1, NGramTable.MAX_WEIGHT + 1));
  }
}

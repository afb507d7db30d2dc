package org.corpuskit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corpuskit.dedup.ShingleSet;
import org.corpuskit.dedup.Shingles;
import org.junit.jupiter.api.Test;

class SyntheticTextTest {
  private final SyntheticText text = new SyntheticText(7);

  @Test
  void aDocumentIsTheSameOnEveryCallAndAtLeastAsLongAsAsked() {
    assertEquals(text.document(42, 2_000), new SyntheticText(7).document(42, 2_000));
    assertTrue(text.document(42, 2_000).length() >= 2_000);
  }

  @Test
  void documentsShareNoMoreThanChanceWordFiveGrams() {
    Shingles shingles = new Shingles(Shingles.Unit.WORDS, 5, 0);
    int[][] sets = new int[150][];
    for (int i = 0; i < sets.length; i++) {
      sets[i] = ShingleSet.of(shingles.of(text.document(i, 2_000), "en"));
    }
    double most = 0;
    for (int i = 0; i < sets.length; i++) {
      for (int j = i + 1; j < sets.length; j++) {
        most = Math.max(most, ShingleSet.jaccard(sets[i], sets[j]));
      }
    }
    assertTrue(most < 0.02, "the most similar pair has Jaccard " + most);
  }
}

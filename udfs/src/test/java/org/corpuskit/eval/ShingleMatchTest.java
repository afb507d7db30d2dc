package org.corpuskit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShingleMatchTest {
  @Test
  void identicalTextsScoreOne() {
    ShingleMatch m = ShingleMatch.of("one two three four five", "one two three four five");
    assertEquals(1.0, m.precision());
    assertEquals(1.0, m.recall());
  }

  @Test
  void countsFourWordShinglesAsTheBenchmarkDoes() {
    // gold shingles: (a b c d), (b c d e); predicted: (a b c d), (b c d x) -> tp 1, fp 1, fn 1, normalised by 3
    ShingleMatch m = ShingleMatch.of("a b c d e", "a b c d x");
    assertEquals(1.0 / 3, m.tp(), 1e-12);
    assertEquals(0.5, m.precision(), 1e-12);
    assertEquals(0.5, m.recall(), 1e-12);
  }

  @Test
  void punctuationAndSpacingDoNotMatterButCaseDoes() {
    assertEquals(1.0, ShingleMatch.of("Hello, world! How are you?", "Hello world\n\nHow are you").precision());
    assertTrue(ShingleMatch.of("Hello world how are", "hello world how are").precision() < 1);
  }

  @Test
  void anEmptyPredictionHasNoPrecisionAndZeroRecall() {
    ShingleMatch m = ShingleMatch.of("some gold text here", "");
    assertTrue(Double.isNaN(m.precision()));
    assertEquals(0.0, m.recall());
  }
}

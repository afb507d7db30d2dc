package org.corpuskit.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextKeysTest {
  @Test
  void textsDifferingInCaseSpacingOrWidthHaveOneKey() {
    byte[] key = TextKeys.exact("The market opens at 9.\n\nEveryone is welcome.");
    assertEquals(16, key.length);
    assertArrayEquals(key, TextKeys.exact("  the MARKET opens   at ９.\nEveryone is welcome. "));
  }

  @Test
  void punctuationAndDigitsStillTellTextsApart() {
    assertFalse(Arrays.equals(TextKeys.exact("opens at 9"), TextKeys.exact("opens at 10")));
    assertFalse(Arrays.equals(TextKeys.exact("Let's eat, grandma"), TextKeys.exact("Let's eat grandma")));
  }

  @Test
  void linesAreComparedWithoutPunctuationAndDigits() {
    assertEquals(TextKeys.line("— 2024 Gazette: all rights reserved."), TextKeys.line("1999 gazette all rights reserved"));
    assertNotEquals(TextKeys.line("Subscribe now"), TextKeys.line("Subscribe later"));
  }

  @Test
  void aLineOfNothingButPunctuationHasNoKey() {
    assertEquals(0, TextKeys.line(" — * — "));
    assertEquals(0, TextKeys.line(""));
  }
}

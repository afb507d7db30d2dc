package org.corpuskit.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.util.ULocale;
import java.util.stream.Stream;
import org.corpuskit.text.Words;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class NumbersRatioTest {
  private static final String SENTENCE = "The river runs to the sea and the boats come with it.";

  /** Its rule's two cases, which {@link RulesTest} runs with every other rule's. */
  static Stream<Arguments> ruleCases() {
    // 53 characters of prose and a space: 10 digits in 64 characters is 0.156, 9 in 63 is 0.143.
    return Stream.of(Arguments.of("nemo_numbers", SENTENCE + " 0123456789", SENTENCE + " 012345678"));
  }

  private static double ratio(String text) {
    Signals out = new Signals();
    new NumbersRatio().tag(new FilterDoc(text, "", new Words(ULocale.ROOT)), out);
    return out.number("digit_char_ratio");
  }

  @Test
  void theRatioIsDigitsOverCharacters() {
    assertEquals(0.5, ratio("a1b2"));
    assertEquals(0.0, ratio("no figures here"));
  }

  @Test
  void digitsOfOtherScriptsCountAndCharactersAreCodePoints() {
    assertEquals(0.5, ratio("٣٤ab"), "Arabic-Indic digits are digits");
    assertEquals(0.5, ratio("\uD83C\uDF0A7"), "an emoji is one character, not two chars");
  }

  @Test
  void anEmptyTextScoresOneAsNeMoCuratorScoresIt() {
    assertEquals(1.0, ratio(""));
  }
}

package org.corpuskit.decontaminate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.corpuskit.SharedData;
import org.corpuskit.eval.UdhrParagraph;
import org.corpuskit.eval.UdhrParagraphs;
import org.corpuskit.text.NGrams;
import org.corpuskit.text.Words;
import org.junit.jupiter.api.Test;

class TokensTest {
  private final Tokens tokens = new Tokens();

  @Test
  void caseAndPunctuationAndLineBreaksDoNotChangeTheFingerprints() {
    assertEquals(fingerprints("What is the sum of the first twelve odd numbers?"),
        fingerprints("WHAT is the\nsum -- of the first\t twelve, odd... numbers"));
  }

  @Test
  void typographicQuotesDashesAndNoBreakSpacesGiveTheTokensOfTheirPlainForms() {
    String typographic = "Don\u2019t \u201cstop\u201d \u2013 it\u2019s 1\u20132\u00a0pm, the \u2018end\u2019";
    String plain = "Don't \"stop\" - it's 1-2 pm, the 'end'";
    assertEquals(fingerprints(plain), fingerprints(typographic));
    tokens.of(typographic);
    assertEquals("dont stop its 1 2 pm the end", tokens.text(0, tokens.count()));
    assertEquals(new Words(ULocale.ROOT).split(typographic).size(), tokens.count());
  }

  @Test
  void digitsStaySoThatItemsWithOtherNumbersDiffer() {
    assertNotEquals(fingerprints("a train leaves at 9:40 and arrives at 12:15"),
        fingerprints("a train leaves at 8:40 and arrives at 11:15"));
  }

  @Test
  void everyCharacterOfAScriptWithoutSpacesIsAToken() {
    tokens.of("今天天气很好 and ภาษาไทย");
    assertEquals(6 + 1 + 7, tokens.count());
    assertEquals("今 天 天 气 很 好 and", tokens.text(0, 7));
  }

  @Test
  void spansPointIntoTheOriginalText() {
    String text = "Q: «Which colour»\n is the LIGHTHOUSE?";
    tokens.of(text);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < tokens.count(); i++) {
      words.add(text.substring(tokens.start(i), tokens.end(i)));
    }
    assertEquals(List.of("Q", "Which", "colour", "is", "the", "LIGHTHOUSE"), words);
    assertEquals("q which colour is the lighthouse", tokens.text(0, 6));
  }

  @Test
  void aFingerprintDependsOnTheTokensNotOnWhereTheyAre() {
    tokens.of("one two three four five six seven eight");
    long inside = tokens.fingerprint(2, 4);
    tokens.of("three four five six");
    assertEquals(tokens.fingerprint(0, 4), inside);
  }

  @Test
  void theSameTokensAtAnotherLengthGiveAnotherFingerprint() {
    tokens.of("aa aa aa aa aa aa aa aa aa");
    assertNotEquals(tokens.fingerprint(0, 8), tokens.fingerprint(0, 9));
    assertEquals(tokens.fingerprint(0, 8), tokens.fingerprint(1, 8));
  }

  @Test
  void equalFingerprintsMeanEqualTextOnRandomInput() {
    Random random = new Random(9);
    String[] vocabulary = {"a", "b", "c", "d", "The", "é", "x-y", "9", "10"};
    java.util.Map<Long, String> seen = new java.util.HashMap<>();
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
      }
      tokens.of(text.toString());
      for (int length = 1; length <= Math.min(5, tokens.count()); length++) {
        for (int i = 0; i + length <= tokens.count(); i++) {
          String gram = tokens.text(i, length);
          String before = seen.putIfAbsent(tokens.fingerprint(i, length), gram);
          if (before != null) {
            assertEquals(before, gram);
          }
        }
      }
    }
  }

  @Test
  void wordsHashedACharacterAtATimeHashAsTheirNormalisedTextOnRandomWords() {
    Random random = new Random(13);
    String alphabet = "aZ09'.-ßŉǅéÉøÆİıΣσςΐЖжЁёѐ\u0301ǰ";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        text.append(random.nextInt(5) == 0 ? " " : "");
      }
      assertHashesAreOfTheirText(text.toString());
    }
  }

  @Test
  void wordsHashedACharacterAtATimeHashAsTheirNormalisedTextInEveryUdhrTranslation() {
    for (UdhrParagraph paragraph : UdhrParagraphs.load(SharedData.require("lang/udhr"))) {
      assertHashesAreOfTheirText(paragraph.text());
    }
  }

  private void assertHashesAreOfTheirText(String text) {
    tokens.of(text);
    for (int i = 0; i < tokens.count(); i++) {
      assertEquals(NGrams.tokenHash(tokens.text(i, 1)), tokens.hash(i), text);
    }
  }

  @Test
  void aRangeOutsideTheTokensIsRefused() {
    tokens.of("one two three");
    assertThrows(IndexOutOfBoundsException.class, () -> tokens.fingerprint(1, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> tokens.text(-1, 2));
  }

  private List<Long> fingerprints(String text) {
    tokens.of(text);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i + 4 <= tokens.count(); i++) {
      out.add(tokens.fingerprint(i, 4));
    }
    return out;
  }
}

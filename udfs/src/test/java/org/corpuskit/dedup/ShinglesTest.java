package org.corpuskit.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.corpuskit.text.NGrams;
import org.corpuskit.text.TextNormalizer;
import org.corpuskit.text.Words;
import org.junit.jupiter.api.Test;

class ShinglesTest {
  private final Shingles words5 = new Shingles(Shingles.Unit.WORDS, 5, 0);

  @Test
  void aTextOfNWordsGivesOneShinglePerStartingWord() {
    assertEquals(3, words5.of("one two three four five six seven", "en").length);
  }

  @Test
  void case_punctuation_andDigitsDoNotChangeTheShingles() {
    assertArrayEquals(words5.of("The fair opens on May 24, at 10 o'clock!", "en"),
        words5.of("the fair opens on may 31 at 99 oclock", "en"));
  }

  @Test
  void fullWidthAndLigatureSpellingsShingleLikeTheirPlainForms() {
    assertArrayEquals(words5.of("ＡＢＣ ﬁnal word list here", "en"), words5.of("abc final word list here", "en"));
  }

  @Test
  void asciiWordsAreNormalisedAsTheNormaliserWouldNormaliseThem() {
    Random random = new Random(5);
    String alphabet = "aZ09_.,'-:;!?$+<>=@#%&*()[]{}/\\\"`~^| é";
    Words splitter = new Words(ULocale.ROOT);
    for (int t = 0; t < 2_000; t++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(60); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      List<String> normalised = new ArrayList<>();
      for (String word : splitter.split(text)) {
        String w = TextNormalizer.SHINGLES.normalize(word);
        if (!w.isEmpty()) {
          normalised.add(w);
        }
      }
      assertArrayEquals(NGrams.wordHashes(normalised, 2, NGrams.ShortText.WHOLE, 0),
          new Shingles(Shingles.Unit.WORDS, 2, 0).of(text.toString(), ""), text.toString());
    }
  }

  @Test
  void aShortTextIsOneShingleAndATextWithoutWordsNone() {
    assertEquals(1, words5.of("Closed on Sunday.", "en").length);
    assertEquals(0, words5.of(" … — !!! ", "en").length);
    assertEquals(0, words5.of("", "").length);
  }

  @Test
  void chineseIsSplitIntoDictionaryWords() {
    // 我们今天去北京看朋友 is 我们 今天 去 北京 看 朋友: six words, two 5-grams.
    assertEquals(2, words5.of("我们今天去北京看朋友", "zh").length);
  }

  @Test
  void characterShinglesSlideOverTheNormalisedText() {
    Shingles chars = new Shingles(Shingles.Unit.CHARS, 3, 0);
    assertEquals(3, chars.of("Ab-cde", "").length);
    assertArrayEquals(chars.of("Ab-cde", ""), chars.of("abcde", ""));
  }

  @Test
  void theSeedChangesEveryHash() {
    assertNotEquals(words5.of("a b c d e", "")[0], new Shingles(Shingles.Unit.WORDS, 5, 1).of("a b c d e", "")[0]);
  }

  @Test
  void settingsAreCheckedOnEntry() {
    assertThrows(IllegalArgumentException.class, () -> new Shingles(Shingles.Unit.WORDS, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Shingles(null, 5, 0));
    assertThrows(IllegalArgumentException.class, () -> words5.of(null, ""));
  }
}

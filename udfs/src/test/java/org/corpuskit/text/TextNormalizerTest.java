package org.corpuskit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.corpuskit.text.TextNormalizer.Options;
import org.corpuskit.text.TextNormalizer.Punctuation;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  private static String normalize(Options options, String text) {
    return new TextNormalizer(options).normalize(text);
  }

  @Test
  void theAsciiTableIsWhatNormalisingEachCharacterAloneGives() {
    char[] table = TextNormalizer.SHINGLES.asciiTable();
    assertEquals('a', table['A']);
    assertEquals('0', table['7']);
    assertEquals(0, table['!']);
    assertEquals('7', TextNormalizer.DECONTAMINATION.asciiTable()['7']);
  }

  @Test
  void nfkcTurnsCompatibilityFormsIntoPlainOnes() {
    assertEquals("ABC fi 1 km2", normalize(new Options(true, false, Punctuation.KEEP, false, false), "ＡＢＣ ﬁ ① ㎞²"));
  }

  @Test
  void caseFoldingIsFullUnicodeFoldingNotLowerCasing() {
    // toLowerCase(Locale.ROOT) would keep ß and the final sigma ς, so these would not compare equal.
    Options fold = new Options(false, true, Punctuation.KEEP, false, false);
    assertEquals("strasse strasse σίσυφοσ σίσυφοσ", normalize(fold, "Straße STRASSE ΣΊΣΥΦΟΣ σίσυφος"));
  }

  @Test
  void whiteSpaceRunsBecomeOneSpaceAndTheEndsAreTrimmed() {
    Options spaces = new Options(false, false, Punctuation.KEEP, false, true);
    assertEquals("Hallo Welt 你好", normalize(spaces, "\u3000 Hallo\t\u00A0Welt \n\u2028你好\r\n "));
  }

  @Test
  void punctuationIsRemovedWithoutLeavingASpaceAndSymbolsStay() {
    Options punctuation = new Options(false, false, Punctuation.REMOVE, false, true);
    assertEquals("Привет сказал он email ab $5 +1 🙂 你好世界",
        normalize(punctuation, "«Привет», — сказал он. e-mail: a_b! $5 +1 🙂 你好，世界！"));
  }

  @Test
  void symbolsAreRemovedWithPunctuationWhenAsked() {
    Options symbols = new Options(false, false, Punctuation.REMOVE_WITH_SYMBOLS, false, true);
    assertEquals("Привет сказал он email ab 5 1 你好世界",
        normalize(symbols, "«Привет», — сказал он. e-mail: a_b! $5 +1 🙂 你好，世界！"));
  }

  @Test
  void everyDecimalDigitBecomesZero() {
    Options digits = new Options(false, false, Punctuation.KEEP, true, false);
    assertEquals("Tel. 0000, 000 00 0 ²", normalize(digits, "Tel. 0176, ٣٤٥ १२ ５ ²"));
  }

  @Test
  void withNothingAskedTheTextIsUnchanged() {
    String text = "  ＡＢＣ Straße,\t١٢ ";
    assertEquals(text, normalize(new Options(false, false, Punctuation.KEEP, false, false), text));
  }

  @Test
  void theExactDedupPresetIgnoresCaseWidthAndSpacingButKeepsPunctuationAndDigits() {
    assertEquals("der grosse hund, 3 jahre.", TextNormalizer.EXACT_DEDUP.normalize("  Der ＧＲＯẞE\n Hund, 3 Jahre. "));
    assertEquals("der grosse hund, 3 jahre.", TextNormalizer.EXACT_DEDUP.normalize("DER GROSSE HUND, 3 JAHRE."));
  }

  @Test
  void caseFoldingWithNfkcDropsSoftHyphensAndZeroWidthSpaces() {
    assertEquals("softhyphen zerowidth", TextNormalizer.EXACT_DEDUP.normalize("soft\u00ADhyphen zero\u200Bwidth"));
  }

  @Test
  void theShinglePresetRemovesPunctuationAndFoldsCaseAndDigits() {
    assertEquals("chapter 00 the end of an email",
        TextNormalizer.SHINGLES.normalize("Chapter 12: The END — of an e-mail!"));
    assertEquals("глава 0 конец", TextNormalizer.SHINGLES.normalize("Глава ٣. «Конец»"));
  }

  @Test
  void optionsNeedAPunctuationChoice() {
    assertThrows(IllegalArgumentException.class, () -> new Options(true, true, null, false, false));
    assertThrows(IllegalArgumentException.class, () -> new TextNormalizer(null));
    assertThrows(IllegalArgumentException.class, () -> TextNormalizer.SHINGLES.normalize(null));
  }
}

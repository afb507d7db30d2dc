package org.corpuskit.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ibm.icu.util.ULocale;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {
  private static List<String> sentences(String language, String text) {
    return new Sentences(new ULocale(language)).split(text);
  }

  @Test
  void englishAbbreviationsDoNotEndSentences() {
    assertEquals(List.of("Dr. Smith met Mr. Jones at 5 p.m. on Jan. 3.", "They talked, e.g. about U.S. policy.",
            "Then they left!"),
        sentences("en", "Dr. Smith met Mr. Jones at 5 p.m. on Jan. 3. They talked, e.g. about U.S. policy. "
            + "Then they left!"));
  }

  @Test
  void boundariesStartEverySentenceAndEndTheText() {
    String text = "Dr. Smith came. Then he left!\nNew line";
    assertArrayEquals(new int[] {0, 16, 30, text.length()}, new Sentences(new ULocale("en")).boundaries(text));
    assertArrayEquals(new int[] {0}, new Sentences(ULocale.ROOT).boundaries(""));
  }

  @Test
  void germanAbbreviationsDoNotEndSentencesButWordsEndingLikeThemDo() {
    // CLDR's German list has "r." and "z."; ICU's own filter would join the first three sentences.
    assertEquals(List.of("Ich danke dir sehr.", "Es ist acht Uhr.", "Dr. Müller kam z. B. spät.", "Er war müde."),
        sentences("de", "Ich danke dir sehr. Es ist acht Uhr. Dr. Müller kam z. B. spät. Er war müde."));
  }

  @Test
  void spanishAbbreviationsDoNotEndSentencesButWordsEndingLikeThemDo() {
    // "ene." (enero) is an abbreviation; "tiene." is not.
    assertEquals(List.of("Él lo tiene.", "La Sra. López llega tarde.", "Luego sale."),
        sentences("es", "Él lo tiene. La Sra. López llega tarde. Luego sale."));
  }

  @Test
  void russianSentencesEndAtFullStopsExclamationAndQuestionMarks() {
    assertEquals(List.of("Он пришёл в 8 ч. утра.", "Всё было хорошо!", "Правда?"),
        sentences("ru", "Он пришёл в 8 ч. утра. Всё было хорошо! Правда?"));
  }

  @Test
  void chineseFullStopsEndSentencesAndClosingQuotesStayWithThem() {
    assertEquals(List.of("他说：“我不去。”", "然后走了。", "真的吗？", "是的！"),
        sentences("zh", "他说：“我不去。”然后走了。真的吗？是的！"));
  }

  @Test
  void japaneseFullStopsEndSentences() {
    assertEquals(List.of("今日は晴れです。", "明日は雨でしょう！", "本当？", "はい"),
        sentences("ja", "今日は晴れです。明日は雨でしょう！本当？はい"));
  }

  @Test
  void arabicQuestionMarksEndSentences() {
    assertEquals(List.of("مرحبا بكم.", "كيف حالك؟", "أنا بخير."), sentences("ar", "مرحبا بكم. كيف حالك؟ أنا بخير."));
  }

  @Test
  void lineBreaksEndSentencesAndBlankOnesAreLeftOut() {
    assertEquals(List.of("Heading without a stop", "First line.", "Second line.", "Third?"),
        sentences("en", "Heading without a stop\nFirst line. Second line.\n\n  Third?  "));
  }

  @Test
  void thaiSentencesSeparatedOnlyBySpacesAreNotSplit() {
    assertEquals(List.of("ผมชอบกินข้าว คุณชอบไหม"), sentences("th", "ผมชอบกินข้าว คุณชอบไหม"));
  }

  @Test
  void aLanguageWithoutAnAbbreviationListDoesNotBorrowTheDefaultLocales() {
    ULocale saved = ULocale.getDefault();
    ULocale.setDefault(ULocale.ENGLISH);
    try {
      assertEquals(List.of("Mr.", "Juma alikuja.", "Alikula."), sentences("sw", "Mr. Juma alikuja. Alikula."));
    } finally {
      ULocale.setDefault(saved);
    }
  }

  @Test
  void nullLocaleAndTextAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Sentences(null));
    assertThrows(IllegalArgumentException.class, () -> new Sentences(ULocale.ROOT).split(null));
  }
}

package org.corpuskit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
  private static List<String> words(String language, String text) {
    return new Words(new ULocale(language)).split(text);
  }

  @Test
  void englishWordsKeepApostrophesAndDecimalsButSplitAtHyphens() {
    assertEquals(List.of("Don't", "split", "e", "mail", "at", "3.14", "ok"),
        words("en", "Don't split e-mail at 3.14, ok?"));
  }

  @Test
  void germanCompoundsStayWholeAndTimesSplitAtTheColon() {
    assertEquals(List.of("Die", "Straßenbahn", "fährt", "um", "8", "30", "Uhr"),
        words("de", "Die Straßenbahn fährt um 8:30 Uhr."));
  }

  @Test
  void russianDashesAndFullStopsAreNotWords() {
    assertEquals(List.of("Москва", "столица", "России"), words("ru", "Москва — столица России."));
  }

  @Test
  void arabicIsSplitAtSpaces() {
    assertEquals(List.of("اللغة", "العربية", "جميلة", "جدا"), words("ar", "اللغة العربية جميلة جدا."));
  }

  @Test
  void chineseTextIsSplitIntoDictionaryWords() {
    assertEquals(List.of("我们", "今天", "去", "北京", "大学", "参观"), words("zh", "我们今天去北京大学参观。"));
  }

  @Test
  void japaneseTextIsSplitIntoDictionaryWords() {
    assertEquals(List.of("私", "は", "東京", "で", "日本語", "を", "勉強", "し", "てい", "ます"),
        words("ja", "私は東京で日本語を勉強しています。"));
  }

  @Test
  void thaiTextIsSplitIntoDictionaryWords() {
    assertEquals(List.of("ผม", "ชอบ", "กิน", "ข้าว", "ผัด"), words("th", "ผมชอบกินข้าวผัด"));
  }

  @Test
  void laoAndKhmerAreSplitIntoDictionaryWordsToo() {
    assertEquals(List.of("ພາສາ", "ລາວ", "ເປັນ", "ພາສາ", "ທີ່", "ສວຍງາມ"), words("lo", "ພາສາລາວເປັນພາສາທີ່ສວຍງາມ"));
    assertEquals(List.of("ខ្ញុំ", "ចង់", "រៀន", "ភាសាខ្មែរ"), words("km", "ខ្ញុំចង់រៀនភាសាខ្មែរ"));
  }

  @Test
  void thaiIsSplitEvenWhenThePageIsTaggedEnglish() {
    assertEquals(List.of("I", "like", "ผม", "ชอบ", "กิน", "ข้าว", "ผัด"), words("en", "I like: ผมชอบกินข้าวผัด"));
  }

  @Test
  void tokensWithoutALetterOrDigitAreNotWords() {
    assertEquals(List.of("tag", "user", "a_b"), words("en", "🙂 ___ #tag @user ½ a_b …"));
  }

  @Test
  void theCursorGivesEachWordAsCharOffsets() {
    Words.Cursor words = new Words(ULocale.ROOT).cursor("Hi, wörld! 𝐀b 東京");
    List<String> offsets = new ArrayList<>();
    while (words.next()) {
      offsets.add(words.start() + "-" + words.end());
    }
    assertEquals(List.of("0-2", "4-9", "11-14", "15-17"), offsets);
    assertFalse(words.next());
  }

  @Test
  void aCursorCannotBeUsedOnceTheWordsHaveAnotherText() {
    Words words = new Words(ULocale.ENGLISH);
    Words.Cursor first = words.cursor("one two");
    words.split("three");
    assertThrows(IllegalStateException.class, first::next);
  }

  @Test
  void emptyAndBlankTextsHaveNoWords() {
    assertEquals(List.of(), words("en", ""));
    assertEquals(List.of(), words("en", " \n\t… "));
  }

  @Test
  void nullLocaleAndTextAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Words(null));
    assertThrows(IllegalArgumentException.class, () -> new Words(ULocale.ROOT).split(null));
  }
}

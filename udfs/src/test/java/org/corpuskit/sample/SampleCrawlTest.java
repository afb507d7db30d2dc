package org.corpuskit.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.corpuskit.archive.ArchivePage;
import org.corpuskit.archive.ArchiveReader;
import org.corpuskit.archive.FileSummary;
import org.corpuskit.archive.ReadEvent;
import org.corpuskit.archive.ReaderConfig;
import org.corpuskit.filter.FilterChain;
import org.corpuskit.filter.GopherQuality;
import org.corpuskit.filter.Rule;
import org.corpuskit.filter.Rules;
import org.corpuskit.filter.SafetyLists;
import org.corpuskit.filter.TestLanguages;
import org.corpuskit.filter.Signals;
import org.corpuskit.text.NGrams;
import org.corpuskit.text.NGrams.ShortText;
import org.corpuskit.text.Sentences;
import org.corpuskit.text.Words;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCrawlTest {
  /** A few of the commonest function words of each language, enough for Gopher's two stop words. */
  private static final Map<String, Set<String>> STOP_WORDS = Map.of(
      "en", GopherQuality.ENGLISH_STOP_WORDS,
      "de", Set.of("der", "die", "das", "und", "in", "zu", "den", "von", "mit", "ist", "im", "dem", "ein", "eine"),
      "fr", Set.of("le", "la", "les", "de", "des", "et", "à", "en", "un", "une", "du", "au", "pour", "que"),
      "es", Set.of("el", "la", "los", "las", "de", "del", "y", "en", "un", "una", "que", "por", "para", "con"),
      "ru", Set.of("в", "и", "на", "не", "что", "с", "по", "за", "для", "из", "к", "о", "а", "у"),
      "ar", Set.of("في", "من", "على", "إلى", "عن", "أن", "مع", "بعد", "قبل", "حسب"),
      "zh", Set.of("的", "了", "在", "是", "和", "有", "也"),
      "ja", Set.of("の", "に", "は", "を", "た", "が", "で"));

  /** ICU splits these into words of one or two characters, below Gopher's lower bound on the mean length. */
  private static final Set<String> SHORT_WORDS = Set.of("zh", "ja");

  @TempDir
  Path dir;

  @Test
  void writesTheSameBytesEveryTime() throws IOException {
    SampleCrawl.Written one = SampleCrawl.write(dir.resolve("one"));
    SampleCrawl.Written two = SampleCrawl.write(dir.resolve("two"));
    assertArrayEquals(Files.readAllBytes(one.warc()), Files.readAllBytes(two.warc()));
    assertArrayEquals(Files.readAllBytes(one.benchmark()), Files.readAllBytes(two.benchmark()));
  }

  @Test
  void holdsAtLeast500PagesInSeveralScriptsAndABenchmarkFile() throws IOException {
    SampleCrawl.Written written = SampleCrawl.write(dir);
    long pages = 0;
    FileSummary summary;
    try (ArchiveReader reader =
        new ArchiveReader(written.warc().toString(), Files.newByteChannel(written.warc()), ReaderConfig.DEFAULTS)) {
      for (var event = reader.next(); event.isPresent(); event = reader.next()) {
        if (event.get() instanceof ReadEvent.Page) {
          pages++;
        }
      }
      summary = reader.summary();
    }
    assertEquals(written.pages(), pages, "pages read back from the written archive");
    assertTrue(pages >= 500, pages + " pages");
    assertTrue(summary.addsUp(), "the broken records at the end are each counted once: " + summary);
    List<String> benchmark = Files.readAllLines(written.benchmark());
    assertEquals(SampleText.BENCHMARK.size(), benchmark.size());
    Set<Character.UnicodeScript> scripts = new HashSet<>();
    SampleCrawl.bodies().forEach(body -> body.codePoints()
        .filter(Character::isLetter).forEach(c -> scripts.add(Character.UnicodeScript.of(c))));
    assertTrue(scripts.containsAll(Set.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.CYRILLIC,
        Character.UnicodeScript.HAN, Character.UnicodeScript.ARABIC, Character.UnicodeScript.HIRAGANA)));
  }

  @Test
  void theTwoCrawlsHoldEveryPageOfTheSampleOnceEachUnderItsCrawl() throws IOException {
    SampleCrawl.Written whole = SampleCrawl.write(dir.resolve("whole"));
    List<Path> crawls = SampleCrawl.writeCrawls(dir.resolve("crawls"));
    assertEquals(2, crawls.size());
    List<String> urls = new ArrayList<>();
    for (int crawl = 0; crawl < crawls.size(); crawl++) {
      for (ArchivePage page : pages(crawls.get(crawl))) {
        assertEquals(SampleCrawl.CRAWLS.get(crawl), page.crawl(), page.url());
        urls.add(page.url());
      }
    }
    List<String> wholeUrls = pages(whole.warc()).stream().map(ArchivePage::url).toList();
    assertEquals(new TreeMap<>(counts(wholeUrls)), new TreeMap<>(counts(urls)));
    assertEquals(List.of("crawls/CC-MAIN-2024-22-sample-00000.warc.gz", "crawls/CC-MAIN-2024-26-sample-00000.warc.gz"),
        crawls.stream().map(p -> dir.relativize(p).toString()).toList());
    assertTrue(Files.exists(dir.resolve("crawls").resolve(SampleCrawl.BENCHMARK_NAME)));
    for (int[] pair : SampleCrawl.plantedDuplicates()) {
      boolean exact = pair[0] - pair[1] == 16;
      assertEquals(exact, SampleCrawl.crawlOf(pair[0]) == SampleCrawl.crawlOf(pair[1]), pair[0] + " of " + pair[1]);
    }
  }

  private static List<ArchivePage> pages(Path warc) throws IOException {
    List<ArchivePage> pages = new ArrayList<>();
    try (ArchiveReader reader = new ArchiveReader(warc.toString(), Files.newByteChannel(warc), ReaderConfig.DEFAULTS)) {
      for (var event = reader.next(); event.isPresent(); event = reader.next()) {
        if (event.get() instanceof ReadEvent.Page page) {
          pages.add(page.page());
        }
      }
    }
    return pages;
  }

  private static Map<String, Integer> counts(List<String> values) {
    Map<String, Integer> counts = new TreeMap<>();
    values.forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts;
  }

  @Test
  void ordinaryPagesOfOneLanguageShareFewWordFiveGrams() {
    Map<String, List<Set<String>>> grams = new TreeMap<>();
    forEachOrdinaryPage((lang, body) -> grams.computeIfAbsent(lang, k -> new ArrayList<>())
        .add(new HashSet<>(NGrams.words(words(lang).split(body.toLowerCase(Locale.ROOT)), 5, ShortText.WHOLE))));
    assertEquals(8, grams.size(), "languages");
    for (Map.Entry<String, List<Set<String>>> language : grams.entrySet()) {
      List<Set<String>> pages = language.getValue();
      assertTrue(pages.size() >= 30, language.getKey() + ": " + pages.size() + " ordinary pages");
      double sum = 0;
      int pairs = 0;
      for (int a = 0; a < pages.size(); a++) {
        for (int b = a + 1; b < pages.size(); b++) {
          sum += jaccard(pages.get(a), pages.get(b));
          pairs++;
        }
      }
      double mean = sum / pairs;
      assertTrue(mean < 0.1, language.getKey() + ": mean Jaccard of word 5-gram sets " + mean);
    }
  }

  @Test
  void noOrdinaryPageHoldsTheSameSentenceTwice() {
    forEachOrdinaryPage((lang, body) -> {
      Set<String> seen = new HashSet<>();
      for (String sentence : new Sentences(new ULocale(lang)).split(body)) {
        assertTrue(seen.add(sentence), lang + " page repeats \"" + sentence + "\":\n" + body);
      }
    });
  }

  @Test
  void ordinaryPagesHaveThreeToSixParagraphsOfTwoToFiveSentencesAndEnoughWords() {
    forEachOrdinaryPage((lang, body) -> {
      List<String> paragraphs = List.of(body.split("\n\n"));
      assertTrue(paragraphs.size() >= 3 && paragraphs.size() <= 6, paragraphs.size() + " paragraphs:\n" + body);
      for (String paragraph : paragraphs) {
        List<String> sentences = new Sentences(new ULocale(lang)).split(paragraph);
        assertTrue(sentences.size() >= 2 && sentences.size() <= 5, sentences.size() + " sentences: " + paragraph);
        for (String sentence : sentences) {
          char last = sentence.charAt(sentence.length() - 1);
          assertTrue(last == '.' || last == '。', "ends without a full stop: " + sentence);
        }
      }
      if (SHORT_WORDS.contains(lang)) {
        assertTrue(body.codePointCount(0, body.length()) >= 150, body);
        assertTrue(body.indexOf(' ') < 0, "a space in " + body);
      } else {
        assertTrue(words(lang).split(body).size() >= 80, body);
      }
    });
  }

  @Test
  void ordinaryPagesPassTheQualityAndRepetitionRules() {
    FilterChain chain = new FilterChain(STOP_WORDS::get, SafetyLists.empty(), TestLanguages.ALL);
    forEachOrdinaryPage((lang, body) -> {
      Signals signals = chain.apply(body, "https://www.example/").signals();
      for (Rule rule : Rules.DEFAULTS) {
        boolean shortWords = SHORT_WORDS.contains(lang) && rule.name().equals("gopher_below_avg_threshold");
        assertTrue(shortWords || !rule.rejects(signals), lang + " page rejected by " + rule.name() + " ("
            + signals.get(rule.signal()) + "):\n" + body);
      }
    });
  }

  private static void forEachOrdinaryPage(BiConsumer<String, String> check) {
    List<String> bodies = SampleCrawl.bodies();
    int ordinary = 0;
    for (int i = 0; i < bodies.size(); i++) {
      if (SampleCrawl.ordinary(i)) {
        check.accept(SampleCrawl.language(i), bodies.get(i));
        ordinary++;
      }
    }
    assertTrue(ordinary >= 400, ordinary + " ordinary pages");
  }

  private static Words words(String lang) {
    return new Words(new ULocale(lang));
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return (double) both.size() / (a.size() + b.size() - both.size());
  }
}

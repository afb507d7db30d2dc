package org.corpuskit.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.corpuskit.archive.ArchiveReader;
import org.corpuskit.archive.ReadEvent;
import org.corpuskit.archive.ReaderConfig;
import org.corpuskit.eval.ExtractionEval;
import org.corpuskit.eval.GoldSet;
import org.corpuskit.extract.Extraction;
import org.corpuskit.extract.MainContentExtractor;
import org.corpuskit.filter.BadWords;
import org.corpuskit.filter.C4Lines;
import org.corpuskit.filter.FilterChain;
import org.corpuskit.filter.FilterDoc;
import org.corpuskit.filter.FineWebQuality;
import org.corpuskit.filter.GopherQuality;
import org.corpuskit.filter.GopherRepetition;
import org.corpuskit.filter.PiiRedactor;
import org.corpuskit.filter.SafetyLists;
import org.corpuskit.filter.Signals;
import org.corpuskit.filter.UrlBlocklist;
import org.corpuskit.filter.UrlWords;
import org.corpuskit.lang.LanguageIdentifier;
import org.corpuskit.text.Words;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The filter stage's work on real extracted text: every page of the real archives in ../shared/data/warc and the
 * article-extraction-benchmark pages, run through our extractor (the documents the filter stage receives), with
 * the real safety lists (UT1, datatrove's URL words, LDNOOBW) and stopwords-iso. {@code all} is the whole chain,
 * language identification included, as the stage calls it. Each other value of {@code part} is one piece of it
 * alone, on documents whose words, lines and paragraphs were split at setup, so that the pieces add up to about
 * the whole: {@code splits} is that splitting. Each invocation processes every document once, so ops/s times
 * the UTF-8 size printed at setup is bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class FilterBench {
  private static final List<String> ARCHIVES = List.of("commoncrawl-whirlwind/whirlwind.warc.gz",
      "dolma/sample-0000.warc.gz", "dolma/sample-0001.warc.gz", "resiliparse/warcfile.warc.gz",
      "jwarc/cc.warc.gz", "node-warc/books.toscrape.warc");

  @Param({"all", "language", "splits", "gopher_repetition", "gopher_quality", "fineweb_quality", "url_blocklist",
      "url_words", "bad_words", "pii", "c4_lines"})
  public String part;

  private record Doc(String text, String url, String lang, FilterDoc split) {}

  private List<Doc> docs;
  private Consumer<Blackhole> work;

  @Setup(Level.Trial)
  public void load() {
    Path shared = Path.of(System.getProperty("corpus.shared.data", "../shared/data"));
    List<String[]> pages = extractedPages(shared);
    LanguageIdentifier languages = LanguageIdentifier.ofAllLanguages();
    Map<String, Set<String>> stopWords = stopWords(shared.resolve("lists/stopwords-iso/stopwords-iso.json"));
    SafetyLists lists = lists(shared.resolve("lists"));
    Map<String, Words> splitters = new HashMap<>();
    docs = new ArrayList<>();
    for (String[] page : pages) {
      String lang = languages.identify(page[0]).language();
      Words words = splitters.computeIfAbsent(lang, l -> new Words(l.equals("und") ? ULocale.ROOT : new ULocale(l)));
      FilterDoc split = new FilterDoc(page[0], page[1], words);
      split.words();
      split.lines();
      split.paragraphs();
      docs.add(new Doc(page[0], page[1], lang, split));
    }
    long bytes = docs.stream().mapToLong(d -> d.text().getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.printf("%n%d documents, %d UTF-8 bytes%n", docs.size(), bytes);
    FilterChain chain = new FilterChain(l -> stopWords.getOrDefault(l, Set.of()), lists, languages);
    GopherRepetition repetition = new GopherRepetition();
    GopherQuality quality = new GopherQuality(GopherQuality.ENGLISH_STOP_WORDS);
    FineWebQuality fineweb = new FineWebQuality();
    PiiRedactor pii = new PiiRedactor();
    C4Lines c4 = new C4Lines();
    work = switch (part) {
      case "all" -> sink -> docs.forEach(d -> sink.consume(chain.apply(d.text(), d.url())));
      case "language" -> sink -> docs.forEach(d -> sink.consume(languages.identify(d.text())));
      case "splits" -> sink -> docs.forEach(d -> {
        FilterDoc doc = new FilterDoc(d.text(), d.url(), splitters.get(d.lang()));
        sink.consume(doc.words());
        sink.consume(doc.lines());
        sink.consume(doc.paragraphs());
      });
      case "gopher_repetition" -> sink -> docs.forEach(d -> repetition.tag(d.split(), signals(sink)));
      case "gopher_quality" -> sink -> docs.forEach(d -> quality.tag(d.split(), signals(sink)));
      case "fineweb_quality" -> sink -> docs.forEach(d -> fineweb.tag(d.split(), signals(sink)));
      case "url_blocklist" -> sink -> docs.forEach(d -> lists.blocklist().tag(d.split(), signals(sink)));
      case "url_words" -> sink -> docs.forEach(d -> lists.urlWords().tag(d.split(), signals(sink)));
      case "bad_words" -> sink -> docs.forEach(d -> lists.badWords().tag(d.split(), d.lang(), signals(sink)));
      case "pii" -> sink -> docs.forEach(d -> sink.consume(pii.edit(d.split(), new Signals())));
      case "c4_lines" -> sink -> docs.forEach(d -> sink.consume(c4.edit(d.split(), new Signals())));
      default -> throw new IllegalArgumentException("unknown part " + part);
    };
  }

  private static Signals signals(Blackhole sink) {
    Signals signals = new Signals();
    sink.consume(signals);
    return signals;
  }

  @Benchmark
  public void run(Blackhole sink) {
    work.accept(sink);
  }

  /** {text, url} of every page the extractor keeps text for. */
  private static List<String[]> extractedPages(Path shared) {
    MainContentExtractor extractor = new MainContentExtractor();
    List<String[]> pages = new ArrayList<>();
    for (String archive : ARCHIVES) {
      Path file = shared.resolve("warc/" + archive);
      try (ArchiveReader reader = new ArchiveReader(file.toString(), Files.newByteChannel(file),
          ReaderConfig.DEFAULTS)) {
        for (var event = reader.next(); event.isPresent(); event = reader.next()) {
          if (event.get() instanceof ReadEvent.Page page) {
            Extraction extraction = extractor.extract(page.page().decoded().text(), page.page().url());
            if (!extraction.text().isEmpty()) {
              pages.add(new String[] {extraction.text(), page.page().url()});
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + "; pass -Dcorpus.shared.data=...", e);
      }
    }
    for (var gold : GoldSet.load(shared.resolve("extraction/article-extraction-benchmark")).pages()) {
      pages.add(new String[] {extractor.extract(ExtractionEval.readHtml(gold), "").text(), ""});
    }
    return pages;
  }

  private static Map<String, Set<String>> stopWords(Path json) {
    try {
      Map<String, List<String>> lists = new ObjectMapper().readValue(json.toFile(), new TypeReference<>() {});
      Map<String, Set<String>> lower = new HashMap<>();
      lists.forEach((lang, words) -> {
        Set<String> set = new HashSet<>();
        words.forEach(w -> set.add(w.toLowerCase(Locale.ROOT)));
        lower.put(lang, set);
      });
      return lower;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every UT1 category, datatrove's URL words and every LDNOOBW language, as the stage's defaults load them. */
  private static SafetyLists lists(Path dir) {
    try {
      UrlBlocklist blocklist = new UrlBlocklist();
      try (var categories = Files.list(dir.resolve("ut1-blacklists"))) {
        for (Path category : categories.filter(Files::isDirectory).sorted().toList()) {
          for (String kind : List.of("domains", "urls", "expressions", "very_restrictive_expression")) {
            Path file = category.resolve(kind);
            if (Files.exists(file)) {
              blocklist.add(category.getFileName().toString(), kind, Files.readAllLines(file));
            }
          }
        }
      }
      Path datatrove = dir.resolve("datatrove-assets");
      UrlWords urlWords = new UrlWords().banned(Files.readAllLines(datatrove.resolve("banned_words.txt")))
          .soft(Files.readAllLines(datatrove.resolve("soft_banned_words.txt")))
          .subwords(Files.readAllLines(datatrove.resolve("banned_subwords.txt")));
      BadWords badWords = new BadWords();
      try (var files = Files.list(dir.resolve("ldnoobw"))) {
        for (Path file : files.filter(f -> f.getFileName().toString().matches("[a-z]{2,3}")).sorted().toList()) {
          badWords.add(file.getFileName().toString(), Files.readAllLines(file));
        }
      }
      return new SafetyLists(blocklist, urlWords, badWords);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.corpuskit.filter;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.corpuskit.text.Sentences;
import org.corpuskit.text.Words;

/**
 * The built-in taggers over one document, in order: Gopher repetition, Gopher quality, FineWeb, the URL
 * blocklists, banned URL words and bad words on the text as extracted, then C4's line removal, whose result is
 * the text kept. A tagger that throws does not stop the
 * others: its name goes into {@code tagger_failed}, and the stage rejects the document with that reason.
 * Splitters are made once per language and reused. Not thread-safe: build one per task.
 */
public final class FilterChain {
  /** Set when a tagger threw on the document: its name and the exception, for the rejection. */
  public static final Signal TAGGER_FAILED = new Signal("tagger_failed", Signal.Type.STRING,
      "Empty, or the tagger that failed on the document and why; such a document is rejected.");

  private final Function<String, Set<String>> stopWords;
  private final SafetyLists lists;
  private final Map<String, Splitters> splitters = new HashMap<>();

  /**
   * @param stopWords the stop words of a language code, or an empty set when there is no list for it; English
   *     and documents of unknown language then use Gopher's eight, other languages get no stop-word count
   */
  public FilterChain(Function<String, Set<String>> stopWords, SafetyLists lists) {
    if (stopWords == null || lists == null) {
      throw new IllegalArgumentException("stopWords and lists must not be null");
    }
    this.stopWords = stopWords;
    this.lists = lists;
  }

  /** The result for one document: its signals and the text kept after editing. */
  public record Result(Signals signals, String text) {}

  /** Every signal the chain sets, in a fixed order: the schema of the stage's {@code signals} column. */
  public static List<Signal> signals() {
    List<Signal> all = new ArrayList<>();
    all.addAll(new GopherRepetition().signals());
    all.addAll(new GopherQuality(GopherQuality.ENGLISH_STOP_WORDS).signals());
    all.addAll(new FineWebQuality().signals());
    all.addAll(new UrlBlocklist().signals());
    all.addAll(new UrlWords().signals());
    all.add(BadWords.signal());
    Words words = new Words(ULocale.ROOT);
    all.addAll(new C4Lines(words, new Sentences(ULocale.ROOT)).signals());
    all.add(TAGGER_FAILED);
    return all;
  }

  /** Tags {@code text} as a document in language {@code lang} (an ISO code, or empty when unknown). */
  public Result apply(String text, String url, String lang) {
    Splitters split = splitters.computeIfAbsent(lang, Splitters::new);
    FilterDoc doc = new FilterDoc(text, url, split.words);
    Signals out = new Signals();
    List<String> failures = new ArrayList<>();
    run(failures, "gopher_repetition", () -> new GopherRepetition().tag(doc, out));
    run(failures, "gopher_quality", () -> split.gopher.tag(doc, out));
    run(failures, "fineweb_quality", () -> new FineWebQuality().tag(doc, out));
    run(failures, "url_blocklist", () -> lists.blocklist().tag(doc, out));
    run(failures, "url_words", () -> lists.urlWords().tag(doc, out));
    run(failures, "bad_words", () -> lists.badWords().tag(doc, lang, out));
    String[] kept = {text};
    run(failures, "c4_lines", () -> kept[0] = split.c4.edit(doc, out));
    out.set(TAGGER_FAILED.name(), String.join("; ", failures));
    return new Result(out, kept[0]);
  }

  static void run(List<String> failures, String tagger, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException | StackOverflowError e) {
      failures.add(tagger + ": " + e);
    }
  }

  private final class Splitters {
    final Words words;
    final GopherQuality gopher;
    final C4Lines c4;

    Splitters(String lang) {
      ULocale locale = lang.isEmpty() ? ULocale.ROOT : new ULocale(lang);
      words = new Words(locale);
      Set<String> stops = stopWords.apply(lang);
      boolean english = lang.isEmpty() || lang.equals("en");
      gopher = new GopherQuality(stops.isEmpty() && english ? GopherQuality.ENGLISH_STOP_WORDS : stops);
      c4 = new C4Lines(words, new Sentences(locale));
    }
  }
}

package org.corpuskit.filter;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.corpuskit.lang.Guess;
import org.corpuskit.lang.LanguageIdentifier;
import org.corpuskit.text.Sentences;
import org.corpuskit.text.Words;

/**
 * The built-in taggers over one document, in order: language identification (whose language chooses the word
 * splitter, stop words and bad words), Gopher repetition, Gopher quality, FineWeb, the URL
 * blocklists, banned URL words and bad words on the text as extracted; then personal data is replaced by typed
 * placeholders and C4's line removal runs on that, and its result is the text kept. A tagger that throws does not stop the
 * others: its name goes into {@code tagger_failed}, and the stage rejects the document with that reason.
 * Splitters are made once per language and reused. Not thread-safe: build one per task.
 */
public final class FilterChain {
  public static final Signal LANG = new Signal("lang", Signal.Type.STRING,
      "The detected language, ISO 639-1 where one exists, or und; per-language rules follow it.");
  public static final Signal LANG_SCORE = Signal.ratio("lang_score",
      "Share of the sampled letters that the detected language explains, 0 to 1.");
  private static final String SOURCE = "datatrove LanguageFilter (FineWeb): keep a language scoring above 0.65";
  /** Rejects a document whose language is not clear enough. */
  public static final List<Rule> RULES = List.of(Rule.below("language_score", "lang_score", 0.65, SOURCE));

  /** Set when a tagger threw on the document: its name and the exception, for the rejection. */
  public static final Signal TAGGER_FAILED = new Signal("tagger_failed", Signal.Type.STRING,
      "Empty, or the tagger that failed on the document and why; such a document is rejected.");

  private static final PiiRedactor PII = new PiiRedactor();

  private final Function<String, Set<String>> stopWords;
  private final SafetyLists lists;
  private final LanguageIdentifier languages;
  private final Map<String, Splitters> splitters = new HashMap<>();

  /**
   * @param stopWords the stop words of a language code, or an empty set when there is no list for it; English
   *     and documents of unknown language then use Gopher's eight, other languages get no stop-word count
   */
  public FilterChain(Function<String, Set<String>> stopWords, SafetyLists lists, LanguageIdentifier languages) {
    if (stopWords == null || lists == null || languages == null) {
      throw new IllegalArgumentException("stopWords, lists and languages must not be null");
    }
    this.stopWords = stopWords;
    this.lists = lists;
    this.languages = languages;
  }

  /** The result for one document: its signals and the text kept after editing. */
  public record Result(Signals signals, String text) {}

  /** Every signal the chain sets, in a fixed order: the schema of the stage's {@code signals} column. */
  public static List<Signal> signals() {
    List<Signal> all = new ArrayList<>(List.of(LANG, LANG_SCORE));
    all.addAll(new GopherRepetition().signals());
    all.addAll(new GopherQuality(GopherQuality.ENGLISH_STOP_WORDS).signals());
    all.addAll(new FineWebQuality().signals());
    all.addAll(new UrlBlocklist().signals());
    all.addAll(new UrlWords().signals());
    all.add(BadWords.signal());
    all.addAll(new PiiRedactor().signals());
    Words words = new Words(ULocale.ROOT);
    all.addAll(new C4Lines(words, new Sentences(ULocale.ROOT)).signals());
    all.add(TAGGER_FAILED);
    return all;
  }

  /** Detects the language of {@code text}, then tags it as a document in that language. */
  public Result apply(String text, String url) {
    Guess guess = languages.identify(text);
    String lang = guess.language().equals(LanguageIdentifier.UNDETERMINED) ? "" : guess.language();
    Splitters split = splitters.computeIfAbsent(lang, Splitters::new);
    FilterDoc doc = new FilterDoc(text, url, split.words);
    Signals out = new Signals().set(LANG.name(), guess.language()).set(LANG_SCORE.name(), guess.score());
    List<String> failures = new ArrayList<>();
    run(failures, "gopher_repetition", () -> new GopherRepetition().tag(doc, out));
    run(failures, "gopher_quality", () -> split.gopher.tag(doc, out));
    run(failures, "fineweb_quality", () -> new FineWebQuality().tag(doc, out));
    run(failures, "url_blocklist", () -> lists.blocklist().tag(doc, out));
    run(failures, "url_words", () -> lists.urlWords().tag(doc, out));
    run(failures, "bad_words", () -> lists.badWords().tag(doc, lang, out));
    String[] kept = {text};
    run(failures, "pii", () -> kept[0] = PII.edit(doc, out));
    run(failures, "c4_lines", () -> kept[0] = split.c4.edit(new FilterDoc(kept[0], url, split.words), out));
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

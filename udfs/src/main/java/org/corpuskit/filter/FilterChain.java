package org.corpuskit.filter;

import com.ibm.icu.util.ULocale;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.corpuskit.lang.Guess;
import org.corpuskit.lang.LanguageIdentifier;
import org.corpuskit.text.Words;

/**
 * The built-in taggers over one document ({@link Taggers}), each built once per task: language identification
 * first (its language chooses the word splitter, stop words and bad words), then the taggers on the text as
 * extracted, then the editors in turn (C4's line removal, then personal data redacted or tagged by the
 * {@link PiiPolicy}, last, so that its spans are of the text kept), whose last result is the text kept. Languages
 * merged by {@link Options#mergedLanguages} give the merged code as the {@code lang} signal; the detected one
 * still chooses the word splitter and the lists. A tagger that throws does not stop the others: its name goes into
 * {@code tagger_failed}, and the stage rejects the document with that reason. Not thread-safe: build one per
 * task.
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

  private final LanguageIdentifier languages;
  private final List<Tagger> taggers = new ArrayList<>();
  private final List<TextEditor> editors = new ArrayList<>();
  private final Map<String, Words> splitters = new HashMap<>();
  private final Map<String, String> merged;

  /**
   * @param stopWords the stop words of a language code, or an empty set when there is no list for it; English
   *     and documents of unknown language then use Gopher's eight, other languages get no stop-word count
   */
  public FilterChain(Function<String, Set<String>> stopWords, SafetyLists lists, LanguageIdentifier languages) {
    this(List.of(), stopWords, lists, languages, Options.DEFAULT);
  }

  /**
   * The chain's choices beyond its lists.
   *
   * @param pii what is done with personal data
   * @param mergedLanguages the code each detected code is reported as, for codes merged together
   */
  public record Options(PiiPolicy pii, Map<String, String> mergedLanguages) implements Serializable {
    /** Personal data redacted, no languages merged. */
    public static final Options DEFAULT = new Options(PiiPolicy.DEFAULT, Map.of());

    public Options {
      if (pii == null || mergedLanguages == null) {
        throw new IllegalArgumentException("pii and mergedLanguages must not be null");
      }
      mergedLanguages = Map.copyOf(mergedLanguages);
    }
  }

  /**
   * A chain that runs {@code extra} taggers after the built-in ones, for a tagger of one's own or a test's.
   */
  public FilterChain(List<Tagger> extra, Function<String, Set<String>> stopWords, SafetyLists lists,
      LanguageIdentifier languages, Options options) {
    if (extra == null || stopWords == null || lists == null || languages == null || options == null) {
      throw new IllegalArgumentException("extra, stopWords, lists, languages and options must not be null");
    }
    this.languages = languages;
    this.merged = options.mergedLanguages();
    TaggerInputs inputs = new TaggerInputs(lang -> {
      Set<String> own = stopWords.apply(lang);
      boolean english = lang.isEmpty() || lang.equals("en");
      return own.isEmpty() && english ? GopherQuality.ENGLISH_STOP_WORDS : own;
    }, lists, options.pii());
    Taggers.TAGGERS.forEach(entry -> taggers.add(entry.make().apply(inputs)));
    taggers.addAll(extra);
    Taggers.EDITORS.forEach(entry -> editors.add(entry.make().apply(inputs)));
  }

  /** The result for one document: its signals and the text kept after editing. */
  public record Result(Signals signals, String text) {}

  /** Every signal the chain sets, in a fixed order: the schema of the stage's {@code signals} column. */
  public static List<Signal> signals() {
    List<Signal> all = new ArrayList<>(List.of(LANG, LANG_SCORE));
    all.addAll(Taggers.signals());
    all.add(TAGGER_FAILED);
    return all;
  }

  /** Detects the language of {@code text}, then tags it as a document in that language. */
  public Result apply(String text, String url) {
    Guess guess = languages.identify(text);
    String lang = guess.language().equals(LanguageIdentifier.UNDETERMINED) ? "" : guess.language();
    Words words = splitters.computeIfAbsent(lang, l -> new Words(l.isEmpty() ? ULocale.ROOT : new ULocale(l)));
    FilterDoc doc = new FilterDoc(text, url, lang, words);
    Signals out = new Signals().set(LANG.name(), merged.getOrDefault(guess.language(), guess.language()))
        .set(LANG_SCORE.name(), guess.score());
    List<String> failures = new ArrayList<>();
    for (Tagger tagger : taggers) {
      run(failures, tagger.name(), () -> tagger.tag(doc, out));
    }
    String[] kept = {text};
    for (TextEditor editor : editors) {
      FilterDoc edited = doc.withText(kept[0]);
      run(failures, editor.name(), () -> kept[0] = editor.edit(edited, out));
    }
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
}

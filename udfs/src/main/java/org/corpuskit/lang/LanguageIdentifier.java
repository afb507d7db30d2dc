package org.corpuskit.lang;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Identifies the language of a text: a naive Bayes over character n-grams with Lingua 1.2.2's published models
 * as data, and the script alone where it names one language among those loaded (Greek, Hangul, Thai; Han is
 * Chinese unless kana make it Japanese).
 *
 * <p>The models hold composed letters, so a text where Unicode normalisation form C would change what follows
 * a letter of a shared script (decomposed Vietnamese or French, as some pages and the UDHR's files are) is
 * composed first, its first 3 × {@code sampleLetters} characters only; composed text, nearly all, pays nothing.
 *
 * <p>Only a bounded sample is judged, the first {@code sampleLetters} letters (default
 * {@value #DEFAULT_SAMPLE_LETTERS}, some 400 words of a European language; UDHR paragraphs cut to 160
 * characters are named as well as whole ones, within 0.1 point), so a call costs O(min(text length, sample))
 * whatever the document's size. Letters are
 * lower-cased; each run of letters of a script several languages share (Latin, Cyrillic, Arabic, Devanagari)
 * is scored as a Markov chain: its first letter by the unigram model, the second given the first, the third
 * given two, every further letter given the three before. Each letter is one lookup in an {@link NGramTable},
 * which adds the log-probabilities of the languages that know that n-gram.
 *
 * <p>The score behaves as a confidence: a language's score is the share of the sample's letters it explains.
 * Letters of a script that names one language go to that language. Letters of a shared script are taken in
 * chunks of {@value #CHUNK}, about a dozen words, and each chunk's letters are divided among the languages by
 * the softmax of their log-likelihoods over the chunk (plus a {@link WebPrior}). So a clean text scores near 1
 * (less where close languages such as Bosnian and Croatian keep sharing chunks), a text half in one language
 * and half in another about 0.5 each, and letters of scripts no loaded model knows (Khmer, Ethiopic) or chunks
 * no language explains (random letters) count for none. Summing log-likelihoods over the whole sample instead
 * would call every long text certain, mixed or not, because naive Bayes counts overlapping n-grams as
 * independent evidence. A sample with more than 5 % control characters, U+FFFD or unassigned code points is
 * decoded binary and {@value #UNDETERMINED}.
 *
 * <p>Thread-safe after construction: the models are read-only and each call counts in objects of its own.
 * Loading all languages parses 76 MB of JSON from Lingua's jar (a few seconds) and holds about 60 MB of heap,
 * so build one per executor (or task) and share it.
 */
public final class LanguageIdentifier {
  /** What a text with no letters, or none a loaded model knows, is called. */
  public static final String UNDETERMINED = "und";
  public static final int DEFAULT_SAMPLE_LETTERS = 2000;
  /**
   * The 20 most common languages of the web by Common Crawl's language statistics, which get a {@link WebPrior}:
   * eng, rus, deu, jpn, zho, spa, fra, ita, por, nld, pol, vie, tur, ind, fas, ces, swe, kor, ara, ukr.
   */
  public static final List<String> MOST_COMMON_ON_THE_WEB = List.of(
      "en", "ru", "de", "ja", "zh", "es", "fr", "it", "pt", "nl", "pl", "vi", "tr", "id", "fa", "cs", "sv", "ko",
      "ar", "uk");
  /** Letters per chunk: each adds one weight to a 16-bit lane of {@link NGramTable}, which must not overflow. */
  static final int CHUNK = NGramTable.MAX_ADDS;

  private static final int NORMALIZED_CHARS_PER_LETTER = 3;
  private static final Guess NOTHING = new Guess(UNDETERMINED, 0);
  private static final long UNIGRAM = 0xFFFFL;
  private static final long BIGRAM = 0xFFFF_FFFFL;
  private static final long TRIGRAM = 0xFFFF_FFFF_FFFFL;

  private final Candidates candidates;
  private final NGramTable table;
  private final int sampleLetters;

  private LanguageIdentifier(Collection<String> languages, int sampleLetters) {
    this.candidates = new Candidates(languages);
    this.table = ModelLoader.load(candidates.ngramLanguages());
    this.sampleLetters = sampleLetters;
  }

  /** All {@link #supportedLanguages()}, judged on the first {@value #DEFAULT_SAMPLE_LETTERS} letters. */
  public static LanguageIdentifier ofAllLanguages() {
    return of(supportedLanguages(), DEFAULT_SAMPLE_LETTERS);
  }

  /**
   * The given languages (codes of {@link #supportedLanguages()}), judged on the first {@code sampleLetters}
   * letters of each text. Fewer languages load faster and take less memory; a text in a language left out is
   * called one of the others, with a lower score, or {@value #UNDETERMINED} if its script is none of theirs.
   */
  public static LanguageIdentifier of(Collection<String> languages, int sampleLetters) {
    if (languages == null || languages.isEmpty()) {
      throw new IllegalArgumentException("languages must not be empty");
    }
    for (String language : languages) {
      if (language == null || !supportedLanguages().contains(language)) {
        throw new IllegalArgumentException("no model for language " + language + "; known: "
            + supportedLanguages());
      }
    }
    if (sampleLetters < 1) {
      throw new IllegalArgumentException("sampleLetters must be at least 1: " + sampleLetters);
    }
    return new LanguageIdentifier(Set.copyOf(languages), sampleLetters);
  }

  /** The 75 languages of Lingua 1.2.2, as ISO 639-1 codes (all of them have one). */
  public static List<String> supportedLanguages() {
    return LinguaModels.LANGUAGES;
  }

  /** The languages this identifier loaded. */
  public Set<String> languages() {
    return candidates.all();
  }

  /**
   * The most likely language of {@code text} and its score; {@value #UNDETERMINED} with score 0 when the sample
   * has no letters or none a loaded model knows.
   */
  public Guess identify(CharSequence text) {
    List<Guess> best = identify(text, 1);
    return best.isEmpty() ? NOTHING : best.get(0);
  }

  /**
   * The {@code k} most likely languages of {@code text}, best first, those with a score above 0 only: empty when
   * {@link #identify(CharSequence)} says {@value #UNDETERMINED}. The scores add up to at most 1.
   */
  public List<Guess> identify(CharSequence text, int k) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    return tally(text, false).top(k);
  }

  /**
   * Counts the sample. At the first character within an n-gram run that NFC would change, starts again on the
   * NFC form of the text's first {@value #NORMALIZED_CHARS_PER_LETTER} × {@code sampleLetters} characters, which
   * hold the sample unless the text is mostly not letters.
   */
  private Tally tally(CharSequence text, boolean normalized) {
    Tally tally = new Tally(candidates);
    int[] scriptLetters = tally.scriptLetters;
    long[] keys = new long[CHUNK];
    int[] places = new int[CHUNK];
    int count = 0;
    long key = 0;
    int run = 0;
    int letters = 0;
    int junk = 0;
    int i = 0;
    for (int length = text.length(); i < length && letters < sampleLetters; i++) {
      char c = text.charAt(i);
      int entry = Letters.of(c);
      if (entry == 0 && Character.isSurrogate(c)) {
        // A supplementary letter (Han extensions, mostly) counts for its script but is in no n-gram.
        boolean pair = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1));
        entry = pair ? Letters.ofCodePoint(Character.toCodePoint(c, text.charAt(++i))) : Letters.JUNK;
        if (entry > 0) {
          letters++;
          scriptLetters[entry >>> 16]++;
          entry = 0;
        }
      }
      if (entry <= 0) {
        if (entry == Letters.COMPOSING && run > 0 && !normalized) {
          int end = (int) Math.min(text.length(), (long) NORMALIZED_CHARS_PER_LETTER * sampleLetters);
          return tally(Letters.NFC.normalize(text.subSequence(0, end)), true);
        }
        run = 0;
        junk += entry == Letters.JUNK ? 1 : 0;
        continue;
      }
      letters++;
      scriptLetters[entry >>> 16]++;
      if ((entry & 0xFFFF_0000) != Letters.SHARED) {
        run = 0;
        continue;
      }
      key = key << 16 | (entry & 0xFFFF);
      run++;
      keys[count++] = run >= 4 ? key : key & (run == 1 ? UNIGRAM : run == 2 ? BIGRAM : TRIGRAM);
      if (count == CHUNK) {
        table.addAll(keys, count, places, tally.lanes);
        tally.endChunk(count);
        count = 0;
      }
    }
    table.addAll(keys, count, places, tally.lanes);
    tally.endChunk(count);
    tally.junk(junk, i);
    return tally;
  }
}

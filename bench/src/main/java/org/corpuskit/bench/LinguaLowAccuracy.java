package org.corpuskit.bench;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import org.corpuskit.lang.LanguageIdentifier;

/**
 * Lingua 1.2.2 itself, the baseline of our {@link LanguageIdentifier}: all its languages, low-accuracy mode
 * (trigrams only, which its README says costs accuracy only below 120 characters), models preloaded. Answers in
 * our codes. Thread-safe, as Lingua's detector is.
 */
final class LinguaLowAccuracy {
  private final LanguageDetector detector = LanguageDetectorBuilder.fromAllLanguages()
      .withLowAccuracyMode()
      .withPreloadedLanguageModels()
      .build();

  /** Lingua's 75 languages as ISO 639-1 codes: the same list our identifier supports. */
  static List<String> languages() {
    return Language.all().stream().map(language -> language.getIsoCode639_1().toString()).sorted().toList();
  }

  /** The detected language's ISO 639-1 code; {@value LanguageIdentifier#UNDETERMINED} when Lingua says unknown. */
  String language(String text) {
    Language language = detector.detectLanguageOf(text);
    return language == Language.UNKNOWN ? LanguageIdentifier.UNDETERMINED : language.getIsoCode639_1().toString();
  }
}

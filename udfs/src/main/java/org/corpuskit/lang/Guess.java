package org.corpuskit.lang;

/**
 * A language and how sure the identifier is of it.
 *
 * @param language ISO 639-1 code where one exists, else ISO 639-3; {@value LanguageIdentifier#UNDETERMINED}
 *     when nothing could be told
 * @param score in [0, 1], the share of the text's evidence for this language; see {@link LanguageIdentifier}
 */
public record Guess(String language, double score) {
  public Guess {
    if (language == null || language.isEmpty()) {
      throw new IllegalArgumentException("language must not be empty");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
  }
}

package org.corpuskit.lang;

import java.lang.Character.UnicodeScript;

/**
 * What a letter's script says about its language. Among the languages Lingua 1.2.2 has models for, most scripts
 * belong to one language, so a letter of them names its language without any n-gram; only Latin, Cyrillic,
 * Arabic and Devanagari are shared and need the n-gram models. Han is shared by Chinese and Japanese, which
 * kana tells apart.
 */
enum Script {
  /** A script no loaded model covers (Khmer, Ethiopic, ...). */
  UNKNOWN(null),
  /** Latin, Cyrillic, Arabic, Devanagari: written by several languages, told apart by n-grams. */
  SHARED(null),
  GREEK("el"),
  HEBREW("he"),
  ARMENIAN("hy"),
  GEORGIAN("ka"),
  HANGUL("ko"),
  THAI("th"),
  BENGALI("bn"),
  GUJARATI("gu"),
  GURMUKHI("pa"),
  TAMIL("ta"),
  TELUGU("te"),
  /** Chinese unless kana is present; see {@link #KANA}. */
  HAN("zh"),
  /** Hiragana and katakana: Japanese, which also writes Han. */
  KANA("ja");

  private final String language;

  Script(String language) {
    this.language = language;
  }

  /** The one language this script names, or null for {@link #UNKNOWN} and {@link #SHARED}. */
  String language() {
    return language;
  }

  /** The script that names {@code language}, or null when the language needs n-grams. */
  static Script named(String language) {
    for (Script script : values()) {
      if (language.equals(script.language)) {
        return script;
      }
    }
    return null;
  }

  static Script of(int codePoint) {
    UnicodeScript script = UnicodeScript.of(codePoint);
    switch (script) {
      case LATIN:
      case CYRILLIC:
      case ARABIC:
      case DEVANAGARI:
        return SHARED;
      case GREEK:
        return GREEK;
      case HEBREW:
        return HEBREW;
      case ARMENIAN:
        return ARMENIAN;
      case GEORGIAN:
        return GEORGIAN;
      case HANGUL:
        return HANGUL;
      case THAI:
        return THAI;
      case BENGALI:
        return BENGALI;
      case GUJARATI:
        return GUJARATI;
      case GURMUKHI:
        return GURMUKHI;
      case TAMIL:
        return TAMIL;
      case TELUGU:
        return TELUGU;
      case HAN:
        return HAN;
      case HIRAGANA:
      case KATAKANA:
        return KANA;
      default:
        return UNKNOWN;
    }
  }
}

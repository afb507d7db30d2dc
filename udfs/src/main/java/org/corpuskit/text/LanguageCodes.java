package org.corpuskit.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Language codes as pages and crawlers write them ({@code en-US}, {@code zh_Hant}, {@code eng,fra}) reduced to
 * one comparable code: the primary language, ISO 639-1 where it has one, else ISO 639-3, lower case. Thread-safe.
 */
public final class LanguageCodes {
  private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");
  /**
   * The JDK still lists the withdrawn codes for Indonesian, Hebrew and Yiddish next to the current ones, both with
   * the same ISO 639-3 code; pages write either.
   */
  private static final Map<String, String> WITHDRAWN = Map.of("in", "id", "iw", "he", "ji", "yi");
  private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

  static {
    for (String iso1 : Locale.getISOLanguages()) {
      if (!WITHDRAWN.containsKey(iso1)) {
        ISO3_TO_ISO1.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
      }
    }
  }

  private LanguageCodes() {}

  /** The first language of {@code declared}, normalised; empty when there is none or it is not a code. */
  public static String primary(String declared) {
    if (declared == null) {
      return "";
    }
    String first = declared.strip().split("[,;\\s]", 2)[0];
    String language = first.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    if (!CODE.matcher(language).matches()) {
      return "";
    }
    return language.length() == 3
        ? ISO3_TO_ISO1.getOrDefault(language, language)
        : WITHDRAWN.getOrDefault(language, language);
  }
}

package org.corpuskit.eval;

import java.util.Map;
import org.corpuskit.text.LanguageCodes;

/**
 * A UDHR page's label in a detector's codes. The pages use individual ISO 639-3 codes where detectors (Lingua,
 * ours) name the macrolanguage, so ten codes are first mapped to their macrolanguage; then the ISO 639-1 code
 * is taken where one exists. Thread-safe: static methods without state.
 */
public final class UdhrLabels {
  private static final Map<String, String> MACROLANGUAGES = Map.of(
      "arb", "ara", "azj", "aze", "ekk", "est", "pes", "fas", "lvs", "lav",
      "khk", "mon", "zlm", "msa", "als", "sqi", "swh", "swa", "cmn", "zho");

  private UdhrLabels() {}

  /** {@code arb} → {@code ar}, {@code deu} → {@code de}, {@code fil} → {@code fil}. */
  public static String language(String iso6393) {
    return LanguageCodes.primary(MACROLANGUAGES.getOrDefault(iso6393, iso6393));
  }
}

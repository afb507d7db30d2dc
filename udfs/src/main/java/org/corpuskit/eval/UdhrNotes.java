package org.corpuskit.eval;

import java.util.Map;

/**
 * Why a detector that knows a page's labelled language may still fail on it: the pages whose text is not the
 * labelled language as the language's model knows it. Read from the pages' titles and checked against Lingua's
 * models (which script each model's letters are in). Thread-safe: constants.
 */
final class UdhrNotes {
  /** The page is a regional variety under its standard language's code: the label, not the detector, is off. */
  static final String VARIETY = "variety";
  /** The page is in a script its language's model does not know. */
  static final String SCRIPT = "script";
  /** The page's language is near-identical to another of the models. */
  static final String NEAR_IDENTICAL = "near-identical";

  private record Note(String kind, String text) {}

  private static final Map<String, Note> NOTES = Map.ofEntries(
      note("062", VARIETY, "Swahili (Chimwiini), a dialect of southern Somalia far from standard Swahili"),
      note("068", VARIETY, "French (Welche), a Lorraine dialect of Alsace, in decomposed letters (NFD)"),
      note("azj_cyrl", SCRIPT, "Azerbaijani in Cyrillic; Lingua's az model is Latin"),
      note("bos_cyrl", SCRIPT, "Bosnian in Cyrillic; Lingua's bs model is Latin, its sr model Cyrillic"),
      note("srp_latn", SCRIPT, "Serbian in Latin; Lingua's sr model is Cyrillic, its bs and hr Latin"),
      note("mly_arab", SCRIPT, "Malay in Jawi (Arabic script); Lingua's ms model is Latin"),
      note("khk_mong", SCRIPT, "Mongolian in the Mongolian script, which no model knows"),
      note("tgl_tglg", SCRIPT, "Tagalog in Baybayin, which no model knows"),
      note("vie_han", SCRIPT, "Vietnamese in chữ Nôm (Han characters), read as Chinese"),
      note("bos_latn", NEAR_IDENTICAL, "Bosnian: Bosnian, Croatian and Serbian are near-identical"),
      note("hrv", NEAR_IDENTICAL, "Croatian: Bosnian, Croatian and Serbian are near-identical"));

  private UdhrNotes() {}

  private static Map.Entry<String, Note> note(String file, String kind, String text) {
    return Map.entry(file, new Note(kind, text));
  }

  /** {@link #VARIETY}, {@link #SCRIPT}, {@link #NEAR_IDENTICAL}, or null for a page without a known issue. */
  static String kind(String file) {
    Note note = NOTES.get(file);
    return note == null ? null : note.kind();
  }

  /** What is known about the page, or an empty string. */
  static String note(String file) {
    Note note = NOTES.get(file);
    return note == null ? "" : note.text();
  }
}

package org.corpuskit.lang;

import com.ibm.icu.text.Normalizer;
import com.ibm.icu.text.Normalizer2;
import java.lang.Character.UnicodeScript;

/**
 * One table lookup per UTF-16 unit: is it a letter, of which {@link Script}, and its lower case. The n-gram
 * models hold lower-case runs of letters (Unicode category L) only, so marks, digits and punctuation end a run,
 * as they did when the models were counted. Letters of the Common and Inherited scripts (such as the kana
 * length mark) are not counted: they belong to no language. Characters that text does not hold, but decoded
 * binary does, are marked {@link #JUNK}: control characters other than white space, U+FFFD (what a decoder
 * puts for bytes that are no character), private-use and unassigned code points. Characters that Unicode
 * normalisation form C would change or compose with the one before (combining accents after a base letter, as
 * in decomposed Vietnamese or French) are marked {@link #COMPOSING}: the models hold composed letters.
 * Thread-safe: an immutable table, 256 KiB.
 */
final class Letters {
  /** Entries are {@code scriptIndex << 16 | lower case}; index 0 is left for "not a letter". */
  static final int SCRIPT_INDEXES = Script.values().length + 1;
  static final int JUNK = -1;
  static final int COMPOSING = -2;
  static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  /** The script bits of an entry of a letter that languages share. */
  static final int SHARED = scriptIndex(Script.SHARED) << 16;

  private static final int[] TABLE = new int[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      TABLE[c] = Character.isSurrogate((char) c) ? 0 : ofCodePoint(c);
    }
  }

  private Letters() {}

  /**
   * The entry of {@code c}: 0 when it is not a counted letter, always for surrogates (see {@link #ofCodePoint});
   * {@link #JUNK} for junk.
   */
  static int of(char c) {
    return TABLE[c];
  }

  /** The entry of any code point; a supplementary letter's lower case is not looked for: no model has one. */
  static int ofCodePoint(int codePoint) {
    if (NFC.quickCheck(Character.toString(codePoint)) != Normalizer.YES) {
      return COMPOSING;
    }
    if (junk(codePoint)) {
      return JUNK;
    }
    if (!Character.isLetter(codePoint)) {
      return 0;
    }
    UnicodeScript script = UnicodeScript.of(codePoint);
    if (script == UnicodeScript.COMMON || script == UnicodeScript.INHERITED) {
      return 0;
    }
    int lower = Character.isBmpCodePoint(codePoint) ? Character.toLowerCase(codePoint) : 0;
    return scriptIndex(Script.of(codePoint)) << 16 | lower;
  }

  private static boolean junk(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
        return !Character.isWhitespace(codePoint);
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
        return true;
      default:
        return codePoint == 0xFFFD;
    }
  }

  static int scriptIndex(Script script) {
    return script.ordinal() + 1;
  }

  static char lower(int entry) {
    return (char) entry;
  }
}

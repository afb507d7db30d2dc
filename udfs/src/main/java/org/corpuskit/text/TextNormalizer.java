package org.corpuskit.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.io.Serializable;

/**
 * Normalises text so that texts which differ only in form compare equal: Unicode compatibility forms, case,
 * white space, and optionally punctuation, symbols and digits. Steps run in a fixed order: NFKC and case folding
 * first (they can produce punctuation, digits and white space, such as {@code ①} becoming {@code 1}), then one
 * pass that removes, folds digits and folds white space.
 *
 * <p>Thread-safe and serializable: an instance holds only its options, and ICU's normalisers are immutable.
 */
public final class TextNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

  /** Whether punctuation, and symbols with it, are kept or removed. */
  public enum Punctuation {
    KEEP,
    /** Removes the Unicode punctuation categories (P*: Pc, Pd, Ps, Pe, Pi, Pf, Po). */
    REMOVE,
    /** Removes punctuation and the Unicode symbol categories (S*: Sm, Sc, Sk, So, which include emoji). */
    REMOVE_WITH_SYMBOLS
  }

  /**
   * What to normalise.
   *
   * @param nfkc apply Unicode NFKC (full-width forms, ligatures, superscripts and the like become plain ones)
   * @param caseFold apply full Unicode case folding ({@code Straße} and {@code STRASSE} both become
   *     {@code strasse}); with {@code nfkc} the two are done together as NFKC_Casefold, which also drops
   *     default-ignorable code points such as soft hyphens and zero-width spaces
   * @param punctuation whether punctuation and symbols are removed; removed characters leave no space behind,
   *     so {@code e-mail} and {@code email} become equal
   * @param foldDigits turn every Unicode decimal digit (Nd) into {@code 0}
   * @param foldWhitespace turn every run of Unicode white space (the White_Space property, which includes
   *     no-break and ideographic spaces) into one space, and trim the ends
   */
  public record Options(boolean nfkc, boolean caseFold, Punctuation punctuation, boolean foldDigits,
      boolean foldWhitespace) implements Serializable {
    public Options {
      if (punctuation == null) {
        throw new IllegalArgumentException("punctuation must not be null");
      }
    }
  }

  /** For exact deduplication: NFKC, case folding and white-space folding; punctuation and digits stay. */
  public static final TextNormalizer EXACT_DEDUP =
      new TextNormalizer(new Options(true, true, Punctuation.KEEP, false, true));

  /**
   * For MinHash shingles: NFKC, case folding, punctuation removed, digits folded, white space folded. NFKC is in
   * so that full-width and ligature spellings of the same words still share shingles.
   */
  public static final TextNormalizer SHINGLES =
      new TextNormalizer(new Options(true, true, Punctuation.REMOVE, true, true));

  /**
   * For decontamination n-grams: as {@link #SHINGLES}, but digits stay, since a test item with other numbers is
   * another item (GSM8K's questions differ in little else).
   */
  public static final TextNormalizer DECONTAMINATION =
      new TextNormalizer(new Options(true, true, Punctuation.REMOVE, false, true));

  private final Options options;

  public TextNormalizer(Options options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    this.options = options;
  }

  /** The normalised text. */
  public String normalize(CharSequence text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    String s = text.toString();
    if (options.nfkc() && options.caseFold()) {
      s = NFKC_CASEFOLD.normalize(s);
    } else if (options.nfkc()) {
      s = NFKC.normalize(s);
    } else if (options.caseFold()) {
      s = UCharacter.foldCase(s, UCharacter.FOLD_CASE_DEFAULT);
    }
    boolean fold = options.punctuation() != Punctuation.KEEP || options.foldDigits() || options.foldWhitespace();
    return fold ? removeAndFold(s) : s;
  }

  private String removeAndFold(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean spacePending = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (options.foldWhitespace() && UCharacter.isUWhiteSpace(c)) {
        // Leading white space is dropped; a run becomes one space, written only when a character follows it.
        spacePending = out.length() > 0;
        continue;
      }
      int type = UCharacter.getType(c);
      if (removes(type)) {
        continue;
      }
      if (spacePending) {
        out.append(' ');
        spacePending = false;
      }
      out.appendCodePoint(options.foldDigits() && type == UCharacter.DECIMAL_DIGIT_NUMBER ? '0' : c);
    }
    return out.toString();
  }

  private boolean removes(int type) {
    return switch (options.punctuation()) {
      case KEEP -> false;
      case REMOVE -> isPunctuation(type);
      case REMOVE_WITH_SYMBOLS -> isPunctuation(type) || isSymbol(type);
    };
  }

  /**
   * What this normaliser makes of each ASCII character alone, indexed by the character: itself, lowered, 0 for a
   * folded digit, or the character 0 for nothing. For hashing ASCII words a character at a time, which gives
   * what normalising the word whole gives.
   */
  public char[] asciiTable() {
    char[] table = new char[128];
    for (char c = 0; c < 128; c++) {
      String normalised = normalize(String.valueOf(c));
      if (normalised.length() > 1) {
        throw new IllegalStateException("an ASCII character normalised to two: " + (int) c);
      }
      table[c] = normalised.isEmpty() ? 0 : normalised.charAt(0);
    }
    return table;
  }

  private static boolean isPunctuation(int type) {
    return type == UCharacter.CONNECTOR_PUNCTUATION || type == UCharacter.DASH_PUNCTUATION
        || type == UCharacter.START_PUNCTUATION || type == UCharacter.END_PUNCTUATION
        || type == UCharacter.INITIAL_PUNCTUATION || type == UCharacter.FINAL_PUNCTUATION
        || type == UCharacter.OTHER_PUNCTUATION;
  }

  private static boolean isSymbol(int type) {
    return type == UCharacter.MATH_SYMBOL || type == UCharacter.CURRENCY_SYMBOL
        || type == UCharacter.MODIFIER_SYMBOL || type == UCharacter.OTHER_SYMBOL;
  }
}

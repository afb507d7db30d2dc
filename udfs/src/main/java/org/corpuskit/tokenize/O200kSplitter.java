package org.corpuskit.tokenize;

import java.util.function.IntPredicate;

/**
 * Cuts text into the pieces that o200k_base's split pattern matches, without a regular expression engine:
 *
 * <pre>
 * [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
 * </pre>
 *
 * <p>Words split where lower case turns to upper case ("camelCase" is "camel", "Case") and take the contraction
 * that follows them. The two letter classes overlap (modifier and other letters, and marks, are in both), and
 * a mark may also be the optional leading character, so the first alternative is tried as the regular expression
 * engine tries it: with that leading character, then without. Stateless and thread-safe.
 */
final class O200kSplitter {
  /** The pattern this class implements, as tiktoken spells it ({@code tiktoken_ext/openai_public.py}). */
  static final String PATTERN = "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}"
      + "\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}"
      + "\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+"
      + "|\\s+(?!\\S)|\\s+";

  private O200kSplitter() {}

  /**
   * The end of the piece that starts at {@code start}.
   *
   * @param text the text being split
   * @param start where the piece starts, below {@code text.length()}
   */
  static int pieceEnd(String text, int start) {
    int c = CharClasses.codePointAt(text, start);
    int next = start + Character.charCount(c);
    boolean prefix = isPrefix(c);
    int end = prefix ? upperThenLower(text, next) : -1;
    if (end < 0 && (isUpper(c) || isLower(c))) {
      end = upperThenLower(text, start);
    }
    if (end < 0 && prefix) {
      end = upperRun(text, next);
    }
    if (end < 0 && isUpper(c)) {
      end = upperRun(text, start);
    }
    if (end >= 0) {
      return CharClasses.contractionEnd(text, end);
    }
    byte kind = CharClasses.kind(c);
    if (kind == CharClasses.NUMBER) {
      return CharClasses.numbersEnd(text, next);
    }
    int length = text.length();
    int after = next < length ? CharClasses.codePointAt(text, next) : -1;
    if (kind == CharClasses.OTHER || c == ' ' && after >= 0 && CharClasses.kind(after) == CharClasses.OTHER) {
      end = kind == CharClasses.OTHER ? next : next + Character.charCount(after);
      end = CharClasses.othersEnd(text, end);
      while (end < length && (text.charAt(end) == '\r' || text.charAt(end) == '\n' || text.charAt(end) == '/')) {
        end++;
      }
      return end;
    }
    return CharClasses.spacesEnd(text, start);
  }

  /**
   * {@code [upper]*[lower]+} from {@code from}: the upper-class run, then the lower-class run after it; or, when
   * none follows, the run cut just after its last character that is also of the lower class. -1 when neither.
   */
  private static int upperThenLower(String text, int from) {
    int length = text.length();
    int end = from;
    int afterLastLower = -1;
    while (end < length) {
      int d = CharClasses.codePointAt(text, end);
      if (!isUpper(d)) {
        break;
      }
      end += Character.charCount(d);
      if (isLower(d)) {
        afterLastLower = end;
      }
    }
    if (end < length && isLower(CharClasses.codePointAt(text, end))) {
      return lowerRun(text, end);
    }
    return afterLastLower;
  }

  /** {@code [upper]+[lower]*} from {@code from}, or -1 when no upper-class character is there. */
  private static int upperRun(String text, int from) {
    int end = runEnd(text, from, O200kSplitter::isUpper);
    return end == from ? -1 : lowerRun(text, end);
  }

  private static int lowerRun(String text, int from) {
    return runEnd(text, from, O200kSplitter::isLower);
  }

  private static int runEnd(String text, int from, IntPredicate in) {
    int end = from;
    while (end < text.length()) {
      int d = CharClasses.codePointAt(text, end);
      if (!in.test(d)) {
        break;
      }
      end += Character.charCount(d);
    }
    return end;
  }

  /** {@code [^\r\n\p{L}\p{N}]}: white space other than line breaks, punctuation, symbols and marks. */
  private static boolean isPrefix(int c) {
    byte kind = CharClasses.kind(c);
    return kind == CharClasses.OTHER || kind == CharClasses.SPACE;
  }

  /** {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]}. */
  private static boolean isUpper(int c) {
    int type = Character.getType(c);
    return type == Character.UPPERCASE_LETTER || type == Character.TITLECASE_LETTER
        || type == Character.MODIFIER_LETTER || type == Character.OTHER_LETTER || isMark(type);
  }

  /** {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]}. */
  private static boolean isLower(int c) {
    int type = Character.getType(c);
    return type == Character.LOWERCASE_LETTER || type == Character.MODIFIER_LETTER
        || type == Character.OTHER_LETTER || isMark(type);
  }

  private static boolean isMark(int type) {
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}

package org.corpuskit.tokenize;

/**
 * What the tiktoken split patterns' character classes need, without a regular expression engine: letters,
 * numbers, white space and line breaks, and the runs and endings the patterns share. {@code \s} is Unicode's
 * White_Space, {@code \p{L}} and {@code \p{N}} are Java's letter and number categories, and an unpaired
 * surrogate is none of them, as in Java's own regular expressions. Stateless and thread-safe.
 */
final class CharClasses {
  static final byte OTHER = 0;
  static final byte LETTER = 1;
  static final byte NUMBER = 2;
  static final byte SPACE = 3;
  static final byte NEWLINE = 4;
  private static final byte[] ASCII = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII[c] = slowKind(c);
    }
  }

  private CharClasses() {}

  /** {@code String.codePointAt} without its cost on the common case, a character that is not a high surrogate. */
  static int codePointAt(String text, int at) {
    char c = text.charAt(at);
    return Character.isHighSurrogate(c) ? text.codePointAt(at) : c;
  }

  static byte kind(int c) {
    return c < 128 ? ASCII[c] : slowKind(c);
  }

  /** {@code \s*[\r\n]+}, else {@code \s+(?!\S)}, else {@code \s+}, from a white-space character at start. */
  static int spacesEnd(String text, int start) {
    int length = text.length();
    int end = start;
    int afterNewline = -1;
    int last = start;
    while (end < length) {
      int d = codePointAt(text, end);
      byte kind = kind(d);
      if (kind != SPACE && kind != NEWLINE) {
        break;
      }
      last = end;
      end += Character.charCount(d);
      if (kind == NEWLINE) {
        afterNewline = end;
      }
    }
    if (afterNewline > 0) {
      return afterNewline;
    }
    if (end == length || last == start) {
      return end;
    }
    return last;
  }

  /** The end of the run of {@code \p{L}} from {@code from}. */
  static int lettersEnd(String text, int from) {
    return runEnd(text, from, LETTER);
  }

  /** The end of the run of {@code [^\s\p{L}\p{N}]} from {@code from}. */
  static int othersEnd(String text, int from) {
    return runEnd(text, from, OTHER);
  }

  /** The end of {@code \p{N}{1,3}} whose first number ends at {@code next}. */
  static int numbersEnd(String text, int next) {
    int end = next;
    for (int count = 1; count < 3 && end < text.length(); count++) {
      int d = codePointAt(text, end);
      if (kind(d) != NUMBER) {
        break;
      }
      end += Character.charCount(d);
    }
    return end;
  }

  /** The end of {@code s t re ve m ll d} in any case after an apostrophe ending at {@code at}, or -1. */
  static int contractionAfterApostrophe(String text, int at) {
    if (at >= text.length()) {
      return -1;
    }
    char first = Character.toLowerCase(text.charAt(at));
    if (first == 's' || first == 't' || first == 'm' || first == 'd' || first == '\u017f') {
      return at + 1;
    }
    if (at + 1 < text.length()) {
      char second = Character.toLowerCase(text.charAt(at + 1));
      if (first == 'r' && second == 'e' || first == 'v' && second == 'e' || first == 'l' && second == 'l') {
        return at + 2;
      }
    }
    return -1;
  }

  /** {@code end}, or the end of the contraction that follows it ({@code (?i:'s|'t|'re|'ve|'m|'ll|'d)?}). */
  static int contractionEnd(String text, int end) {
    if (end < text.length() && text.charAt(end) == '\'') {
      int after = contractionAfterApostrophe(text, end + 1);
      return after > 0 ? after : end;
    }
    return end;
  }

  private static int runEnd(String text, int from, byte kind) {
    int end = from;
    int length = text.length();
    while (end < length) {
      int d = codePointAt(text, end);
      if (kind(d) != kind) {
        break;
      }
      end += Character.charCount(d);
    }
    return end;
  }

  private static byte slowKind(int c) {
    if (c == '\r' || c == '\n') {
      return NEWLINE;
    }
    if (isWhiteSpace(c)) {
      return SPACE;
    }
    if (Character.isLetter(c)) {
      return LETTER;
    }
    int type = Character.getType(c);
    if (type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER) {
      return NUMBER;
    }
    return OTHER;
  }

  /** Unicode's White_Space property, which Java's {@code Character.isWhitespace} is not. */
  private static boolean isWhiteSpace(int c) {
    return c >= 0x09 && c <= 0x0d || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680
        || c >= 0x2000 && c <= 0x200a || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
  }
}

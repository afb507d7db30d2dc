package org.corpuskit.tokenize;

/**
 * Cuts text into the pieces that cl100k_base's split pattern matches, without a regular expression engine:
 *
 * <pre>
 * '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]++[\r\n]*|\s*[\r\n]|\s+(?!\S)|\s+
 * </pre>
 *
 * <p>Llama 3's tokenizer splits by the same pattern, spelt without the possessive quantifiers. {@code \s} is
 * Unicode's White_Space, {@code \p{L}} and {@code \p{N}} are Java's letter and number categories, and an
 * unpaired surrogate is neither, as in Java's own regular expressions. Stateless and thread-safe.
 */
final class Cl100kSplitter {
  /** The pattern this class implements, as tiktoken spells it ({@code tiktoken_ext/openai_public.py}). */
  static final String PATTERN = "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}+|\\p{N}{1,3}| ?"
      + "[^\\s\\p{L}\\p{N}]++[\\r\\n]*|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+";

  private static final byte OTHER = 0;
  private static final byte LETTER = 1;
  private static final byte NUMBER = 2;
  private static final byte SPACE = 3;
  private static final byte NEWLINE = 4;
  private static final byte[] ASCII = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII[c] = slowKind(c);
    }
  }

  private Cl100kSplitter() {}

  /**
   * The end of the piece that starts at {@code start}.
   *
   * @param text the text being split
   * @param start where the piece starts, below {@code text.length()}
   */
  static int pieceEnd(String text, int start) {
    int length = text.length();
    int c = codePointAt(text, start);
    int next = start + Character.charCount(c);
    if (c == '\'' && next < length) {
      int end = contractionEnd(text, next);
      if (end > 0) {
        return end;
      }
    }
    byte kind = kind(c);
    if (kind == LETTER) {
      return lettersEnd(text, next);
    }
    if (kind == NUMBER) {
      int end = next;
      for (int count = 1; count < 3 && end < length; count++) {
        int d = codePointAt(text, end);
        if (kind(d) != NUMBER) {
          break;
        }
        end += Character.charCount(d);
      }
      return end;
    }
    int after = next < length ? codePointAt(text, next) : -1;
    byte afterKind = after < 0 ? -1 : kind(after);
    if (kind != NEWLINE && afterKind == LETTER) {
      return lettersEnd(text, next);
    }
    if (kind == OTHER || c == ' ' && afterKind == OTHER) {
      int end = kind == OTHER ? next : next + Character.charCount(after);
      while (end < length) {
        int d = codePointAt(text, end);
        if (kind(d) != OTHER) {
          break;
        }
        end += Character.charCount(d);
      }
      while (end < length && (text.charAt(end) == '\r' || text.charAt(end) == '\n')) {
        end++;
      }
      return end;
    }
    return spacesEnd(text, start);
  }

  /** {@code \s*[\r\n]+}, else {@code \s+(?!\S)}, else {@code \s+}, from a white-space character at start. */
  private static int spacesEnd(String text, int start) {
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

  private static int lettersEnd(String text, int from) {
    int end = from;
    int length = text.length();
    while (end < length) {
      int d = codePointAt(text, end);
      if (kind(d) != LETTER) {
        break;
      }
      end += Character.charCount(d);
    }
    return end;
  }

  /** The end of {@code 's 't 're 've 'm 'll 'd} in any case after the apostrophe, or -1. */
  private static int contractionEnd(String text, int at) {
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

  /** {@code String.codePointAt} without its cost on the common case, a character that is not a high surrogate. */
  private static int codePointAt(String text, int at) {
    char c = text.charAt(at);
    return Character.isHighSurrogate(c) ? text.codePointAt(at) : c;
  }

  private static byte kind(int c) {
    return c < 128 ? ASCII[c] : slowKind(c);
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

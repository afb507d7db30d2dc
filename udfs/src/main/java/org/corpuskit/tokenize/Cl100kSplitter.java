package org.corpuskit.tokenize;

/**
 * Cuts text into the pieces that cl100k_base's split pattern matches, without a regular expression engine:
 *
 * <pre>
 * '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]++[\r\n]*|\s*[\r\n]|\s+(?!\S)|\s+
 * </pre>
 *
 * <p>Llama 3's tokenizer splits by the same pattern, spelt without the possessive quantifiers. The character
 * classes are those of {@link CharClasses}. Stateless and thread-safe.
 */
final class Cl100kSplitter {
  /** The pattern this class implements, as tiktoken spells it ({@code tiktoken_ext/openai_public.py}). */
  static final String PATTERN = "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}+|\\p{N}{1,3}| ?"
      + "[^\\s\\p{L}\\p{N}]++[\\r\\n]*|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+";

  private Cl100kSplitter() {}

  /**
   * The end of the piece that starts at {@code start}.
   *
   * @param text the text being split
   * @param start where the piece starts, below {@code text.length()}
   */
  static int pieceEnd(String text, int start) {
    int length = text.length();
    int c = CharClasses.codePointAt(text, start);
    int next = start + Character.charCount(c);
    if (c == '\'') {
      int end = CharClasses.contractionAfterApostrophe(text, next);
      if (end > 0) {
        return end;
      }
    }
    byte kind = CharClasses.kind(c);
    if (kind == CharClasses.LETTER) {
      return CharClasses.lettersEnd(text, next);
    }
    if (kind == CharClasses.NUMBER) {
      return CharClasses.numbersEnd(text, next);
    }
    int after = next < length ? CharClasses.codePointAt(text, next) : -1;
    byte afterKind = after < 0 ? -1 : CharClasses.kind(after);
    if (kind != CharClasses.NEWLINE && afterKind == CharClasses.LETTER) {
      return CharClasses.lettersEnd(text, next);
    }
    if (kind == CharClasses.OTHER || c == ' ' && afterKind == CharClasses.OTHER) {
      int end = CharClasses.othersEnd(text, kind == CharClasses.OTHER ? next : next + Character.charCount(after));
      while (end < length && (text.charAt(end) == '\r' || text.charAt(end) == '\n')) {
        end++;
      }
      return end;
    }
    return CharClasses.spacesEnd(text, start);
  }
}

package org.corpuskit.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * How Meta's Llama 3 {@code Tokenizer.encode} cuts a text before byte-pair encoding it: into pieces of 400,000
 * characters, and each piece wherever a run of only whitespace or only non-whitespace passes 25,000 characters
 * (so that the split pattern never meets a run that long). The cuts change the ids of such texts, so
 * {@code tiktoken:PATH:llama3} makes them too. Characters are code points and whitespace is Python's
 * {@code str.isspace()}, as in Meta's code. Thread-safe: stateless.
 */
final class MetaChunks {
  static final int MAX_ENCODE_CHARS = 400_000;
  static final int MAX_RUN_CHARS = 25_000;

  private MetaChunks() {}

  /** The pieces of {@code text}, as {@code [start, end)} char offsets, in order; none for an empty text. */
  static List<int[]> of(String text) {
    List<int[]> out = new ArrayList<>();
    int chunkStart = 0;
    while (chunkStart < text.length()) {
      int chunkEnd = advance(text, chunkStart, MAX_ENCODE_CHARS);
      splitRuns(text, chunkStart, chunkEnd, out);
      chunkStart = chunkEnd;
    }
    return out;
  }

  /** Meta's {@code _split_whitespaces_or_nonwhitespaces} over {@code text[from, to)}. */
  private static void splitRuns(String text, int from, int to, List<int[]> out) {
    int runLength = 0;
    boolean runIsSpace = isSpace(text.codePointAt(from));
    int sliceStart = from;
    for (int i = from; i < to; ) {
      int c = text.codePointAt(i);
      boolean space = isSpace(c);
      if (space != runIsSpace) {
        runLength = 1;
        runIsSpace = space;
      } else if (++runLength > MAX_RUN_CHARS) {
        out.add(new int[] {sliceStart, i});
        sliceStart = i;
        runLength = 1;
      }
      i += Character.charCount(c);
    }
    out.add(new int[] {sliceStart, to});
  }

  /** The char offset {@code codePoints} code points after {@code from}, or the end of the text. */
  private static int advance(String text, int from, int codePoints) {
    int end = from;
    for (int n = 0; n < codePoints && end < text.length(); n++) {
      end += Character.charCount(text.codePointAt(end));
    }
    return end;
  }

  /**
   * Python's {@code str.isspace()} for one character: bidirectional class WS, B or S, or general category Zs.
   * Java's {@link Character#isWhitespace} differs (it leaves out no-break spaces).
   */
  static boolean isSpace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F,
          0x205F, 0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }
}

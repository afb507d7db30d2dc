package org.corpuskit.decontaminate;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corpuskit.text.Sentences;

/**
 * Cuts matched test text out of a document as GPT-3 (Brown et al. 2020, appendix C) and NeMo Curator do: each
 * matched span, widened by {@code window} characters on each side and then to the sentences it touches, is
 * removed; the pieces left between removals are kept when at least {@code minPiece} characters long, joined by
 * a blank line; a document cut into more than {@code maxPieces} pieces, or left with no piece long enough, is
 * dropped whole.
 *
 * <p>Not thread-safe: an instance holds one sentence splitter. Make one per task.
 */
public final class SpanCutter {
  /** Why a cut dropped a document. */
  public static final String TOO_MANY_PIECES = "contaminated_too_many_pieces";
  public static final String TOO_LITTLE_LEFT = "contaminated_too_little_left";

  private final int window;
  private final int minPiece;
  private final int maxPieces;
  private final Sentences sentences = new Sentences(ULocale.ROOT);

  /**
   * What is left of a document.
   *
   * @param text the kept pieces joined by a blank line, or null when the document is dropped
   * @param pieces the non-blank pieces the removals left, short ones included
   * @param dropped why the document is dropped ({@link #TOO_MANY_PIECES}, {@link #TOO_LITTLE_LEFT}), or null
   * @param charsRemoved characters of the document not in the kept text
   */
  public record Cut(String text, int pieces, String dropped, int charsRemoved) {}

  /**
   * @param window characters removed on each side of a match, before widening to sentences
   * @param minPiece the shortest piece kept, in characters
   * @param maxPieces the most pieces a document may be cut into; 0 for no limit
   */
  public SpanCutter(int window, int minPiece, int maxPieces) {
    if (window < 0 || minPiece < 0 || maxPieces < 0) {
      throw new IllegalArgumentException("window, minPiece and maxPieces must not be negative, got " + window + ", "
          + minPiece + ", " + maxPieces);
    }
    this.window = window;
    this.minPiece = minPiece;
    this.maxPieces = maxPieces;
  }

  /**
   * Cuts {@code spans}, pairs {@code [start, end)} of char offsets into {@code text} in any order, out of it.
   */
  public Cut cut(String text, List<int[]> spans) {
    if (text == null || spans == null) {
      throw new IllegalArgumentException("text and spans must not be null");
    }
    int[] bounds = sentences.boundaries(text);
    List<int[]> removed = new ArrayList<>();
    spans.stream().sorted((a, b) -> Integer.compare(a[0], b[0])).forEach(span -> {
      if (span[0] < 0 || span[1] > text.length() || span[0] > span[1]) {
        throw new IllegalArgumentException("span [" + span[0] + ", " + span[1] + ") is not within the text of "
            + text.length() + " chars");
      }
      int from = sentenceStart(bounds, Math.max(0, span[0] - window));
      int to = sentenceEnd(bounds, Math.min(text.length(), span[1] + window));
      int[] last = removed.isEmpty() ? null : removed.get(removed.size() - 1);
      if (last != null && from <= last[1]) {
        last[1] = Math.max(last[1], to);
      } else {
        removed.add(new int[] {from, to});
      }
    });
    List<String> pieces = new ArrayList<>();
    int at = 0;
    for (int[] cut : removed) {
      addPiece(pieces, text, at, cut[0]);
      at = cut[1];
    }
    addPiece(pieces, text, at, text.length());
    if (maxPieces > 0 && pieces.size() > maxPieces) {
      return new Cut(null, pieces.size(), TOO_MANY_PIECES, text.length());
    }
    List<String> kept = pieces.stream().filter(p -> p.length() >= minPiece).toList();
    if (kept.isEmpty()) {
      return new Cut(null, pieces.size(), TOO_LITTLE_LEFT, text.length());
    }
    String left = String.join("\n\n", kept);
    int keptChars = kept.stream().mapToInt(String::length).sum();
    return new Cut(left, pieces.size(), null, text.length() - keptChars);
  }

  /** The start of the sentence holding {@code offset}. */
  private static int sentenceStart(int[] bounds, int offset) {
    int i = Arrays.binarySearch(bounds, offset);
    return i >= 0 ? bounds[i] : bounds[-i - 2];
  }

  /** The end of the sentence holding the char before {@code offset}. */
  private static int sentenceEnd(int[] bounds, int offset) {
    int i = Arrays.binarySearch(bounds, offset);
    return i >= 0 ? bounds[i] : bounds[-i - 1];
  }

  private static void addPiece(List<String> pieces, String text, int from, int to) {
    while (from < to && UCharacter.isUWhiteSpace(text.charAt(from))) {
      from++;
    }
    while (to > from && UCharacter.isUWhiteSpace(text.charAt(to - 1))) {
      to--;
    }
    if (from < to) {
      pieces.add(text.substring(from, to));
    }
  }
}

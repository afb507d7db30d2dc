package org.corpuskit.decontaminate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanCutterTest {
  private static final String MATCH = "THE QUOTED TEST QUESTION";

  @Test
  void theMatchAndTheWindowAroundItAreCutToWholeSentences() {
    String text = "First sentence stays here. Second one is near. " + MATCH + " and its end. Later one. Last stays.";
    int at = text.indexOf(MATCH);
    SpanCutter.Cut cut = new SpanCutter(5, 0, 10).cut(text, List.of(new int[] {at, at + MATCH.length()}));
    assertEquals("First sentence stays here.\n\nLater one. Last stays.", cut.text());
    assertEquals(2, cut.pieces());
    assertNull(cut.dropped());
  }

  @Test
  void piecesShorterThanTheMinimumAreDropped() {
    String text = "Short. " + MATCH + ". " + "A long tail sentence that is kept. ".repeat(3);
    int at = text.indexOf(MATCH);
    SpanCutter.Cut cut = new SpanCutter(0, 30, 10).cut(text, List.of(new int[] {at, at + MATCH.length()}));
    assertEquals("A long tail sentence that is kept. ".repeat(3).strip(), cut.text());
    assertEquals(text.length() - cut.text().length(), cut.charsRemoved());
  }

  @Test
  void aDocumentLeftWithNoLongEnoughPieceIsDropped() {
    String text = "Short. " + MATCH + ". Short too.";
    int at = text.indexOf(MATCH);
    SpanCutter.Cut cut = new SpanCutter(0, 200, 10).cut(text, List.of(new int[] {at, at + MATCH.length()}));
    assertEquals(SpanCutter.TOO_LITTLE_LEFT, cut.dropped());
    assertNull(cut.text());
    assertEquals(text.length(), cut.charsRemoved());
  }

  @Test
  void aDocumentCutIntoTooManyPiecesIsDroppedWhole() {
    StringBuilder text = new StringBuilder();
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      text.append("Kept sentence number ").append(i).append(". ");
      spans.add(new int[] {text.length(), text.length() + MATCH.length()});
      text.append(MATCH).append(". ");
    }
    text.append("The end.");
    assertEquals(5, new SpanCutter(0, 0, 5).cut(text.toString(), spans).pieces());
    SpanCutter.Cut cut = new SpanCutter(0, 0, 4).cut(text.toString(), spans);
    assertEquals(SpanCutter.TOO_MANY_PIECES, cut.dropped());
  }

  @Test
  void overlappingMatchesAreOneCut() {
    String text = "Before it. " + MATCH + " " + MATCH + ". After it.";
    int first = text.indexOf(MATCH);
    int second = text.lastIndexOf(MATCH);
    SpanCutter.Cut cut = new SpanCutter(0, 0, 10).cut(text, List.of(new int[] {second, second + MATCH.length()},
        new int[] {first, first + MATCH.length()}));
    assertEquals("Before it.\n\nAfter it.", cut.text());
  }

  @Test
  void aSpanOutsideTheTextIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SpanCutter(0, 0, 0).cut("abc", List.of(new int[] {2, 9})));
  }
}

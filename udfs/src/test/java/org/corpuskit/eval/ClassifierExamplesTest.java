package org.corpuskit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.corpuskit.SharedData;
import org.junit.jupiter.api.Test;

class ClassifierExamplesTest {
  @Test
  void linesAreGroupedInOrderIntoPiecesOfAboutAThousandCharacters() {
    String line = "x".repeat(400);
    List<String> pieces = ClassifierExamples.pieces(Collections.nCopies(6, line));
    assertEquals(2, pieces.size());
    assertEquals(String.join("\n", line, line, line), pieces.get(0));
  }

  @Test
  void aLastPieceUnderAThirdOfTheLengthIsLeftOut() {
    assertEquals(List.of(), ClassifierExamples.pieces(List.of("short line", "another")));
    assertEquals(1, ClassifierExamples.pieces(List.of("y".repeat(340))).size());
  }

  @Test
  void boilerplatePiecesHoldNoLineOfTheGoldBody() {
    GoldSet gold = GoldSet.load(SharedData.require("extraction/article-extraction-benchmark"));
    GoldPage page = gold.pages().get(0);
    ClassifierExamples.Example example = ClassifierExamples.of(new GoldSet(gold.format(), List.of(page), 0)).get(0);
    String body = page.body().replaceAll("\\s+", " ");
    for (String piece : example.boilerplate()) {
      piece.lines().forEach(line -> assertTrue(!body.contains(line), line));
    }
    assertTrue(!example.body().isEmpty());
  }
}

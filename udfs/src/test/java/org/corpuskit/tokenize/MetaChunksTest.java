package org.corpuskit.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetaChunksTest {
  private static List<String> pieces(String text) {
    return MetaChunks.of(text).stream().map(r -> text.substring(r[0], r[1])).toList();
  }

  @Test
  void aTextWithoutLongRunsIsOnePiece() {
    assertEquals(List.of("High water at noon."), pieces("High water at noon."));
    assertEquals(List.of(), pieces(""));
  }

  @Test
  void aRunOfMoreThan25000NonSpacesIsCutAfterIts25000thCharacter() {
    String text = "a".repeat(60_000);
    assertEquals(List.of("a".repeat(25_000), "a".repeat(25_000), "a".repeat(10_000)), pieces(text));
  }

  @Test
  void aRunOfExactly25000IsNotCut() {
    String text = " " + "b".repeat(25_000) + " ";
    assertEquals(List.of(text), pieces(text));
  }

  @Test
  void runsCountCodePointsNotChars() {
    String emoji = "\uD83C\uDF0A";
    String text = emoji.repeat(25_001);
    List<String> pieces = pieces(text);
    assertEquals(2, pieces.size());
    assertEquals(emoji.repeat(25_000), pieces.get(0));
  }

  @Test
  void textsLongerThan400000CharactersArePiecedEvery400000() {
    String text = "ab ".repeat(200_000);
    List<String> pieces = pieces(text);
    assertEquals(List.of(text.substring(0, 400_000), text.substring(400_000)), pieces);
  }

  @Test
  void whitespaceIsPythonsNoBreakSpacesIncluded() {
    assertTrue(MetaChunks.isSpace(0xA0));
    assertTrue(MetaChunks.isSpace(0x202F));
    assertTrue(MetaChunks.isSpace(0x1F));
    assertTrue(MetaChunks.isSpace(0x3000));
    assertFalse(MetaChunks.isSpace(0x200B));
    assertFalse(MetaChunks.isSpace('x'));
  }
}

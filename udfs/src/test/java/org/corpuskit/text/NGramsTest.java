package org.corpuskit.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.corpuskit.text.NGrams.ShortText;
import org.junit.jupiter.api.Test;

class NGramsTest {
  private static final List<String> HAMLET = List.of("to", "be", "or", "not", "to", "be");

  @Test
  void wordNGramsSlideOneTokenAtATime() {
    assertEquals(List.of("to be or", "be or not", "or not to", "not to be"), NGrams.words(HAMLET, 3, ShortText.NONE));
    assertEquals(HAMLET, NGrams.words(HAMLET, 1, ShortText.NONE));
  }

  @Test
  void aTextShorterThanNGivesNoNGramsUnlessTheWholeIsAskedFor() {
    List<String> tokens = List.of("Guten", "Tag");
    assertEquals(List.of(), NGrams.words(tokens, 3, ShortText.NONE));
    assertEquals(List.of("Guten Tag"), NGrams.words(tokens, 3, ShortText.WHOLE));
    assertEquals(List.of(), NGrams.words(List.of(), 3, ShortText.WHOLE));
  }

  @Test
  void characterNGramsCountCodePointsNotChars() {
    assertEquals(List.of("a𝄞", "𝄞b", "b東", "東京"), NGrams.chars("a𝄞b東京", 2, ShortText.NONE));
    assertEquals(List.of(), NGrams.chars("𝄞b", 3, ShortText.NONE));
    assertEquals(List.of("𝄞b"), NGrams.chars("𝄞b", 3, ShortText.WHOLE));
  }

  @Test
  void thereIsOneHashPerNGramInTheSameOrder() {
    assertEquals(4, NGrams.wordHashes(HAMLET, 3, ShortText.NONE, 0).length);
    assertEquals(4, NGrams.charHashes("a𝄞b東京", 2, ShortText.NONE, 0).length);
    assertEquals(0, NGrams.wordHashes(List.of("Привет"), 2, ShortText.NONE, 0).length);
    assertEquals(1, NGrams.wordHashes(List.of("Привет"), 2, ShortText.WHOLE, 0).length);
  }

  @Test
  void hashingTheTokensOnceGivesTheSameNGramHashes() {
    long[] tokens = NGrams.tokenHashes(HAMLET);
    for (int n = 1; n <= 7; n++) {
      assertArrayEquals(NGrams.wordHashes(HAMLET, n, ShortText.WHOLE, 3),
          NGrams.wordHashes(tokens, n, ShortText.WHOLE, 3));
    }
  }

  @Test
  void equalNGramsHashEquallyWhereverTheyAre() {
    long[] hashes = NGrams.wordHashes(HAMLET, 2, ShortText.NONE, 7);
    assertEquals(hashes[0], hashes[4]);
    assertEquals(4, Arrays.stream(hashes).distinct().count());
    long[] chars = NGrams.charHashes("东京东京", 2, ShortText.NONE, 7);
    assertEquals(chars[0], chars[2]);
    assertNotEquals(chars[0], chars[1]);
  }

  @Test
  void hashesDependOnTokenOrderAndTokenBoundaries() {
    long ab = NGrams.wordHashes(List.of("ab", "c"), 2, ShortText.NONE, 0)[0];
    assertNotEquals(ab, NGrams.wordHashes(List.of("c", "ab"), 2, ShortText.NONE, 0)[0]);
    assertNotEquals(ab, NGrams.wordHashes(List.of("a", "bc"), 2, ShortText.NONE, 0)[0]);
    assertNotEquals(ab, NGrams.wordHashes(List.of("ab c"), 1, ShortText.NONE, 0)[0]);
  }

  @Test
  void hashesDependOnTheSeed() {
    assertNotEquals(NGrams.wordHashes(HAMLET, 2, ShortText.NONE, 1)[0],
        NGrams.wordHashes(HAMLET, 2, ShortText.NONE, 2)[0]);
  }

  @Test
  void aWholeShortTextHashesLikeTheSameTokensAsAnNGram() {
    List<String> tokens = List.of("Straße", "東京");
    assertArrayEquals(NGrams.wordHashes(tokens, 2, ShortText.NONE, 42),
        NGrams.wordHashes(tokens, 5, ShortText.WHOLE, 42));
  }

  @Test
  void hashesAreTheStatedFunctionAndSoTheSameOnEveryJvm() {
    // Computed from the class comment's definition by a separate Python implementation.
    assertEquals(0xe5482780808008b4L, NGrams.wordHashes(List.of("to", "be"), 2, ShortText.NONE, 0)[0]);
    assertEquals(0x787b6bfae5b9a0d8L, NGrams.wordHashes(List.of("Straße", "東京"), 2, ShortText.NONE, 42)[0]);
    assertEquals(0xb7aa72d4636f5fd9L, NGrams.charHashes("a𝄞", 2, ShortText.NONE, 0)[0]);
  }

  @Test
  void nBelowOneAndNullsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> NGrams.words(HAMLET, 0, ShortText.NONE));
    assertThrows(IllegalArgumentException.class, () -> NGrams.chars("abc", -1, ShortText.WHOLE));
    assertThrows(IllegalArgumentException.class, () -> NGrams.wordHashes((List<String>) null, 2, ShortText.NONE, 0));
    assertThrows(IllegalArgumentException.class, () -> NGrams.wordHashes((long[]) null, 2, ShortText.NONE, 0));
    assertThrows(IllegalArgumentException.class, () -> NGrams.charHashes("abc", 2, null, 0));
    assertThrows(IllegalArgumentException.class,
        () -> NGrams.wordHashes(Arrays.asList("a", null), 1, ShortText.NONE, 0));
  }
}

package org.corpuskit.decont;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NGramIndexTest {
  private static final String LONG_ITEM = "Which colour is the lighthouse on the northern pier of Ostwick harbour "
      + "painted? Green and white.";
  private static final String SHORT_ITEM = "Who repaired the old town hall clock in 1998?";

  private final Tokens tokens = new Tokens();

  @Test
  void anItemGivesOneGramPerStartingTokenAndAShortOneGivesOneGramOfAllItsTokens() {
    assertEquals(16 - 13 + 1, NGramIndex.gramsOf(tokens.of(LONG_ITEM), 13, 8, (f, l, p) -> {}));
    assertEquals(1, NGramIndex.gramsOf(tokens.of(SHORT_ITEM), 13, 8, (f, l, p) -> {}));
    assertEquals(0, NGramIndex.gramsOf(tokens.of("Who repaired the clock?"), 13, 8, (f, l, p) -> {}));
  }

  @Test
  void aDocumentQuotingAnItemIsFoundWhereItQuotesIt() {
    NGramIndex index = index(1_000_000, LONG_ITEM, SHORT_ITEM);
    String document = "A long introduction about harbours. WHICH colour is the lighthouse on the northern pier "
        + "of Ostwick harbour painted - green and white. And then more text that follows.";
    List<String> found = scan(index, document);
    assertEquals(List.of(
        "which colour is the lighthouse on the northern pier of ostwick harbour painted",
        "colour is the lighthouse on the northern pier of ostwick harbour painted green",
        "is the lighthouse on the northern pier of ostwick harbour painted green and",
        "the lighthouse on the northern pier of ostwick harbour painted green and white"), found);
  }

  @Test
  void aShortItemIsFoundAsAWhole() {
    NGramIndex index = index(1_000_000, LONG_ITEM, SHORT_ITEM);
    assertEquals(List.of("who repaired the old town hall clock in 1998"),
        scan(index, "Quiz night! Who repaired the old town hall clock in 1998? Nobody knows."));
  }

  @Test
  void aDocumentWithPartOfAnItemShorterThanNIsNotAHit() {
    NGramIndex index = index(1_000_000, LONG_ITEM);
    assertEquals(List.of(), scan(index, "the lighthouse on the northern pier of Ostwick harbour is old"));
  }

  @Test
  void aboveTheSetLimitTheGramsGoToABloomFilterThatStillFindsThem() {
    NGramIndex index = index(2, LONG_ITEM, SHORT_ITEM);
    assertEquals("bloom", index.kind());
    assertTrue(index.falsePositiveRate() > 0 && index.falsePositiveRate() <= 0.01);
    assertEquals(1, scan(index, SHORT_ITEM).size());
    assertEquals("set", index(100, LONG_ITEM).kind());
  }

  private NGramIndex index(long setLimit, String... items) {
    NGramIndex.Builder builder = new NGramIndex.Builder(13, 8, setLimit, 0.01);
    Tokens scratch = new Tokens();
    for (String item : items) {
      builder.add(scratch.of(item));
    }
    return builder.build();
  }

  private List<String> scan(NGramIndex index, String document) {
    tokens.of(document);
    List<String> found = new ArrayList<>();
    index.scan(tokens, (from, length, fingerprint) -> found.add(tokens.text(from, length)));
    return found;
  }
}

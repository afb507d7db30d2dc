package org.corpuskit.decontaminate;

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

  @Test
  void theScanFindsEveryNGramABruteForceSearchFinds() {
    java.util.Random random = new java.util.Random(11);
    String[] vocabulary = new String[30];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = "w" + i;
    }
    java.util.Set<Long> itemGrams = new java.util.HashSet<>();
    List<String> items = new ArrayList<>();
    NGramIndex.Builder builder = new NGramIndex.Builder(6, 3, 1_000_000, 0.01);
    Tokens item = new Tokens();
    for (int i = 0; i < 40; i++) {
      items.add(randomText(random, vocabulary, 3 + random.nextInt(12)));
      builder.add(item.of(items.get(i)));
      NGramIndex.gramsOf(item, 6, 3, (from, l, fingerprint) -> itemGrams.add(fingerprint));
    }
    NGramIndex index = builder.build();
    int matches = 0;
    for (int round = 0; round < 500; round++) {
      String document = randomText(random, vocabulary, random.nextInt(20)) + items.get(random.nextInt(40))
          + randomText(random, vocabulary, random.nextInt(20)) + items.get(random.nextInt(40));
      tokens.of(document);
      java.util.Set<String> expected = new java.util.TreeSet<>();
      for (int from = 0; from < tokens.count(); from++) {
        for (int length = 3; length <= 6 && from + length <= tokens.count(); length++) {
          if (itemGrams.contains(tokens.fingerprint(from, length))) {
            expected.add(from + "+" + length);
          }
        }
      }
      java.util.Set<String> found = new java.util.TreeSet<>();
      index.scan(tokens, (from, length, fingerprint) -> assertTrue(found.add(from + "+" + length), "twice"));
      assertEquals(expected, found, document);
      matches += found.size();
    }
    assertTrue(matches > 1000, matches + " matches");
  }

  private static String randomText(java.util.Random random, String[] vocabulary, int words) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < words; w++) {
      text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
    }
    return text.toString();
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

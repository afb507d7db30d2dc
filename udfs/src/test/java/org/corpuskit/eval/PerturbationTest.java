package org.corpuskit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.corpuskit.decontaminate.Tokens;
import org.junit.jupiter.api.Test;

class PerturbationTest {
  private static final String ITEM = "Janet\u2019s ducks lay 16 eggs per day. She eats three for breakfast, "
      + "and sells the rest at $2 each (U.S. dollars). How much does she make?\n#### 18";

  @Test
  void aPerturbedItemHasTheItemsTokensInsideOthers() {
    Tokens tokens = new Tokens();
    tokens.of(ITEM);
    String expected = tokens.text(0, tokens.count());
    SplittableRandom random = new SplittableRandom(1);
    for (Perturbation.Kind kind : Perturbation.Kind.values()) {
      for (int i = 0; i < 100; i++) {
        String perturbed = Perturbation.of(ITEM, kind, random);
        String all = tokens.of(perturbed).text(0, tokens.count());
        assertTrue(all.contains(expected), kind + ": " + perturbed + "\n" + all);
      }
    }
  }

  @Test
  void theTextItselfChanges() {
    SplittableRandom random = new SplittableRandom(2);
    int changed = 0;
    for (int i = 0; i < 50; i++) {
      changed += Perturbation.of(ITEM, random).equals(ITEM) ? 0 : 1;
    }
    assertEquals(50, changed);
    assertNotEquals(Perturbation.of(ITEM, new SplittableRandom(3)), Perturbation.of(ITEM, new SplittableRandom(4)));
  }

  @Test
  void eachKindChangesOnlyItsOwnAspect() {
    SplittableRandom random = new SplittableRandom(5);
    String item = "She said \"yes,\" didn't she?";
    assertEquals(item.toLowerCase(java.util.Locale.ROOT), Perturbation.of(item, Perturbation.Kind.CASE,
        new SplittableRandom(0)).toLowerCase(java.util.Locale.ROOT));
    String typographic = Perturbation.of(item, Perturbation.Kind.TYPOGRAPHY, random);
    assertEquals(item.replaceAll("[\"']", ""), typographic.replaceAll("[\u201c\u201d\u2019]", ""));
    assertEquals(item, Perturbation.of(item, Perturbation.Kind.WHITESPACE, random).replaceAll("\\s+", " "));
    assertTrue(Perturbation.of(item, Perturbation.Kind.SURROUNDINGS, random).contains(item));
  }
}

package org.corpuskit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.corpuskit.sample.SyntheticText;
import org.junit.jupiter.api.Test;

class MutationsTest {
  private final Mutations mutations = new Mutations(9);
  private final String text = new SyntheticText(3).document(1, 4_000);

  @Test
  void aRateOfZeroChangesNoWord() {
    for (Mutations.Kind kind : List.of(Mutations.Kind.REPLACE, Mutations.Kind.INSERT, Mutations.Kind.DELETE,
        Mutations.Kind.BOILERPLATE)) {
      assertEquals(text, mutations.mutate(text, kind, 0, new SplittableRandom(1)), kind.name());
    }
  }

  @Test
  void replacingAtATenthChangesAboutATenthOfTheWords() {
    String[] before = text.split(" ");
    String[] after = mutations.mutate(text, Mutations.Kind.REPLACE, 0.1, new SplittableRandom(2)).split(" ");
    assertEquals(before.length, after.length);
    long changed = 0;
    for (int i = 0; i < before.length; i++) {
      changed += before[i].equals(after[i]) ? 0 : 1;
    }
    assertEquals(0.1, (double) changed / before.length, 0.03);
  }

  @Test
  void insertionsAddAndDeletionsRemoveWordsAtTheRate() {
    int words = text.split("\\s+").length;
    int inserted = mutations.mutate(text, Mutations.Kind.INSERT, 0.2, new SplittableRandom(3)).split("\\s+").length;
    int deleted = mutations.mutate(text, Mutations.Kind.DELETE, 0.2, new SplittableRandom(3)).split("\\s+").length;
    assertEquals(1.2, (double) inserted / words, 0.04);
    assertEquals(0.8, (double) deleted / words, 0.04);
  }

  @Test
  void reorderingKeepsTheParagraphsInAnotherOrder() {
    String reordered = mutations.mutate(text, Mutations.Kind.REORDER, 0, new SplittableRandom(4));
    assertNotEquals(text, reordered);
    String[] before = text.split("\n\n");
    String[] after = reordered.split("\n\n");
    Arrays.sort(before);
    Arrays.sort(after);
    assertEquals(Arrays.asList(before), Arrays.asList(after));
  }

  @Test
  void boilerplateWrapsTheTextUnchanged() {
    String wrapped = mutations.mutate(text, Mutations.Kind.BOILERPLATE, 0.1, new SplittableRandom(5));
    assertTrue(wrapped.contains(text));
    int added = wrapped.split("\\s+").length - text.split("\\s+").length;
    assertTrue(added >= text.split("\\s+").length / 10, "words added: " + added);
  }

  @Test
  void theRateIsCheckedOnEntry() {
    assertThrows(IllegalArgumentException.class,
        () -> mutations.mutate(text, Mutations.Kind.REPLACE, 1.5, new SplittableRandom(1)));
  }
}

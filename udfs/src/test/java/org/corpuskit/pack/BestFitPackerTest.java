package org.corpuskit.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BestFitPackerTest {
  private final List<Sequence> sequences = new ArrayList<>();

  @Test
  void aDocumentGoesWhereItLeavesTheLeastRoom() {
    BestFitPacker packer = new BestFitPacker(8, 0, -1, 99, 4, sequences::add);
    packer.add(new int[] {1, 1, 1}, "a", "x");
    packer.add(new int[] {2, 2, 2, 2}, "b", "y");
    packer.add(new int[] {3, 3}, "c", "z");
    packer.finish();
    assertEquals(2, sequences.size());
    assertArrayEquals(new int[] {2, 2, 2, 2, 0, 3, 3, 0}, sequences.get(0).ids(), "c fills b's sequence exactly");
    assertArrayEquals(new int[] {0, 5, 8}, sequences.get(0).boundaries());
    assertEquals(List.of("b", "c"), sequences.get(0).sources());
    assertEquals(List.of("y", "z"), sequences.get(0).documents());
    assertArrayEquals(new int[] {1, 1, 1, 0, 99, 99, 99, 99}, sequences.get(1).ids());
    assertArrayEquals(new int[] {0, 4}, sequences.get(1).boundaries());
    assertEquals(4, sequences.get(1).padding());
  }

  @Test
  void everyDocumentIsWholeInOneSequenceUnlessLongerThanOne() {
    Random random = new Random(5);
    BestFitPacker packer = new BestFitPacker(128, 0, 9, 99, 16, sequences::add);
    List<List<Integer>> documents = new ArrayList<>();
    long tokens = 0;
    for (int d = 0; d < 400; d++) {
      int[] ids = random.ints(random.nextInt(100), 1, 9).toArray();
      packer.add(ids, "s", "d");
      List<Integer> document = new ArrayList<>(List.of(9));
      Arrays.stream(ids).forEach(document::add);
      document.add(0);
      documents.add(document);
      tokens += ids.length + 2;
    }
    packer.finish();
    List<List<Integer>> found = new ArrayList<>();
    for (Sequence sequence : sequences) {
      for (int part = 0; part + 1 < sequence.boundaries().length; part++) {
        List<Integer> document = new ArrayList<>();
        for (int i = sequence.boundaries()[part]; i < sequence.boundaries()[part + 1]; i++) {
          document.add(sequence.ids()[i]);
        }
        found.add(document);
      }
    }
    java.util.Comparator<List<Integer>> byText = java.util.Comparator.comparing(Object::toString);
    assertEquals(documents.stream().sorted(byText).toList(), found.stream().sorted(byText).toList());
    assertEquals(sequences.size() * 128L, tokens + packer.padding());
    assertTrue(packer.padding() < sequences.size() * 128L / 10, packer.padding() + " pad tokens");
  }
}

package org.corpuskit.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SequenceCheckTest {
  private final SequenceCheck chunked = new SequenceCheck(8, 0, -1, 99, false);

  private static List<String> problems(SequenceCheck check, Sequence s) {
    return check.problems(s.ids(), s.boundaries(), s.sources().size(), s.documents().size(), s.padding());
  }

  @Test
  void everyRowTheChunkPackerWritesPasses() {
    List<Sequence> rows = new ArrayList<>();
    ChunkPacker packer = new ChunkPacker(8, 0, 5, 99, rows::add);
    Random random = new Random(1);
    for (int d = 0; d < 200; d++) {
      packer.add(random.ints(random.nextInt(20), 10, 50).toArray(), "s", "d" + d);
    }
    packer.finish(true);
    SequenceCheck check = new SequenceCheck(8, 0, 5, 99, false);
    rows.forEach(row -> assertEquals(List.of(), problems(check, row)));
  }

  @Test
  void everyRowTheBestFitPackerWritesPasses() {
    List<Sequence> rows = new ArrayList<>();
    BestFitPacker packer = new BestFitPacker(8, 0, -1, 99, 3, rows::add);
    Random random = new Random(2);
    for (int d = 0; d < 200; d++) {
      packer.add(random.ints(random.nextInt(20), 10, 50).toArray(), "s", "d" + d);
    }
    packer.finish();
    SequenceCheck check = new SequenceCheck(8, 0, -1, 99, true);
    rows.forEach(row -> assertEquals(List.of(), problems(check, row)));
  }

  @Test
  void aRowOfTheWrongLengthIsReported() {
    assertEquals(List.of("has 7 tokens, not seq_len 8"),
        chunked.problems(new int[7], new int[] {0, 7}, 1, 1, 0));
  }

  @Test
  void aBoundaryInsideADocumentIsReported() {
    int[] ids = {1, 2, 3, 4, 0, 6, 7, 8};
    assertEquals(List.of("part 0 is followed by another document but does not end with EOS"),
        chunked.problems(ids, new int[] {0, 3, 8}, 2, 2, 0));
  }

  @Test
  void boundariesThatMissThePaddingAreReported() {
    int[] ids = {1, 2, 0, 99, 99, 99, 99, 99};
    assertEquals(List.of("boundaries must run from 0 to seq_len - padding (3)"),
        chunked.problems(ids, new int[] {0, 8}, 1, 1, 5));
  }

  @Test
  void padTokensThatAreNotThePadIdAreReported() {
    int[] ids = {1, 2, 0, 99, 99, 4, 99, 99};
    assertEquals(List.of("padding holds id 4 at 5, not the pad id 99"),
        chunked.problems(ids, new int[] {0, 3}, 1, 1, 5));
  }

  @Test
  void aSourceMissingForAPartIsReported() {
    int[] ids = {1, 0, 2, 0, 3, 4, 5, 6};
    assertEquals(List.of("2 parts but 1 sources and 2 document ids"),
        chunked.problems(ids, new int[] {0, 2, 8}, 1, 2, 0));
  }

  @Test
  void aCutDocumentInABestFitRowIsReported() {
    SequenceCheck bestFit = new SequenceCheck(8, 0, -1, 99, true);
    int[] ids = {1, 0, 2, 3, 99, 99, 99, 99};
    assertTrue(bestFit.problems(ids, new int[] {0, 2, 4}, 2, 2, 4).contains(
        "part 1 is cut: best-fit rows hold whole documents"));
  }

  @Test
  void aDocumentWithoutBosIsReportedWhenBosIsUsed() {
    SequenceCheck withBos = new SequenceCheck(8, 0, 5, 99, false);
    int[] ids = {5, 1, 0, 2, 3, 0, 5, 4};
    assertEquals(List.of("part 1 starts a document without BOS"),
        withBos.problems(ids, new int[] {0, 3, 6, 8}, 3, 3, 0));
  }
}

package org.corpuskit.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkPackerTest {
  private final List<Sequence> sequences = new ArrayList<>();

  @Test
  void documentsRunAcrossSequencesAndEachPartIsABoundary() {
    ChunkPacker packer = new ChunkPacker(4, 0, -1, 99, sequences::add);
    packer.add(new int[] {1, 2, 3}, "web", "page-1");
    packer.add(new int[] {4, 5, 6, 7}, "wiki", "article-1");
    assertEquals(0, packer.finish(true));
    assertEquals(3, sequences.size());
    assertArrayEquals(new int[] {1, 2, 3, 0}, sequences.get(0).ids());
    assertArrayEquals(new int[] {0, 4}, sequences.get(0).boundaries());
    assertArrayEquals(new int[] {4, 5, 6, 7}, sequences.get(1).ids());
    assertEquals(List.of("wiki"), sequences.get(1).sources());
    assertEquals(List.of("page-1"), sequences.get(0).documents());
    assertEquals(List.of("article-1"), sequences.get(1).documents());
    assertEquals(List.of("article-1"), sequences.get(2).documents(), "the EOS of article-1 opens the last one");
    assertArrayEquals(new int[] {0, 99, 99, 99}, sequences.get(2).ids());
    assertArrayEquals(new int[] {0, 1}, sequences.get(2).boundaries());
    assertEquals(3, sequences.get(2).padding());
  }

  @Test
  void shortDocumentsShareASequenceWithABoundaryEach() {
    ChunkPacker packer = new ChunkPacker(8, 0, 7, 99, sequences::add);
    packer.add(new int[] {1}, "a", "x");
    packer.add(new int[] {2}, "b", "y");
    packer.add(new int[] {3, 4}, "a", "z");
    assertEquals(2, packer.finish(false), "the 3 and 4 after the first sequence are dropped");
    assertArrayEquals(new int[] {7, 1, 0, 7, 2, 0, 7, 3}, sequences.get(0).ids());
    assertArrayEquals(new int[] {0, 3, 6, 8}, sequences.get(0).boundaries());
    assertEquals(List.of("a", "b", "a"), sequences.get(0).sources());
  }

  @ParameterizedTest
  @CsvSource({"64, -1", "64, 98", "1, 98", "2, -1", "3, 98"})
  void noTokenIsLostAndTheBoundariesGiveBackEveryDocument(int seqLen, int bos) {
    Random random = new Random(3);
    ChunkPacker packer = new ChunkPacker(seqLen, 0, bos, 99, sequences::add);
    List<List<Integer>> documents = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    long tokens = 0;
    for (int d = 0; d < 500; d++) {
      int[] ids = random.ints(random.nextInt(300), 1, 50).toArray();
      packer.add(ids, "s" + (d % 3), "d" + d);
      List<Integer> document = new ArrayList<>();
      if (bos >= 0) {
        document.add(bos);
      }
      java.util.Arrays.stream(ids).forEach(document::add);
      document.add(0);
      documents.add(document);
      sources.add("s" + (d % 3));
      tokens += document.size();
    }
    int dropped = packer.finish(false);
    long kept = sequences.stream().mapToLong(s -> s.ids().length - s.padding()).sum();
    assertEquals(tokens, kept + dropped);
    assertEquals(tokens, packer.tokensIn());
    assertEquals(tokens / seqLen, sequences.size());
    List<List<Integer>> rebuilt = new ArrayList<>();
    List<String> rebuiltSources = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (Sequence sequence : sequences) {
      for (int part = 0; part + 1 < sequence.boundaries().length; part++) {
        for (int i = sequence.boundaries()[part]; i < sequence.boundaries()[part + 1]; i++) {
          current.add(sequence.ids()[i]);
        }
        if (current.get(current.size() - 1) == 0) {
          rebuilt.add(current);
          rebuiltSources.add(sequence.sources().get(part));
          current = new ArrayList<>();
        }
      }
    }
    assertEquals(documents.subList(0, rebuilt.size()), rebuilt);
    assertEquals(sources.subList(0, rebuilt.size()), rebuiltSources);
    int missing = documents.size() - rebuilt.size();
    org.junit.jupiter.api.Assertions.assertTrue(missing >= (dropped > 0 ? 1 : 0) && missing <= dropped,
        missing + " documents missing for " + dropped + " tokens dropped");
  }

  @Test
  void aSequenceLengthOfZeroOrAMissingEosIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ChunkPacker(0, 0, -1, 0, sequences::add));
    assertThrows(IllegalArgumentException.class, () -> new ChunkPacker(8, -1, -1, 0, sequences::add));
  }
}

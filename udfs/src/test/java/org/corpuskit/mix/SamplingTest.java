package org.corpuskit.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplingTest {
  @Test
  void aDocumentGetsTheSameCopiesEveryTime() {
    for (int i = 0; i < 1000; i++) {
      assertEquals(Sampling.copies("doc-" + i, 0.37, 7), Sampling.copies("doc-" + i, 0.37, 7));
    }
  }

  @Test
  void theCopiesAverageTheEpochs() {
    for (double epochs : new double[] {0.3, 1.0, 2.25}) {
      long copies = 0;
      int documents = 100_000;
      for (int i = 0; i < documents; i++) {
        int c = Sampling.copies("doc-" + i, epochs, 11);
        assertTrue(c == Math.floor(epochs) || c == Math.floor(epochs) + 1);
        copies += c;
      }
      double fraction = epochs - Math.floor(epochs);
      double sigma = Math.sqrt(documents * fraction * (1 - fraction));
      assertEquals(epochs * documents, copies, 4 * sigma + 1e-9, "epochs " + epochs);
    }
  }

  @Test
  void anotherSeedChoosesOtherDocuments() {
    int differ = 0;
    for (int i = 0; i < 1000; i++) {
      differ += Sampling.copies("doc-" + i, 0.5, 1) != Sampling.copies("doc-" + i, 0.5, 2) ? 1 : 0;
    }
    assertNotEquals(0, differ);
    assertTrue(differ > 400 && differ < 600, differ + " of 1000 differ");
  }
}

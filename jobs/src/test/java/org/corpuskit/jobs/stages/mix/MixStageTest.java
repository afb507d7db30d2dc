package org.corpuskit.jobs.stages.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.corpuskit.jobs.config.MixConfig;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.mix.Mixture;
import org.junit.jupiter.api.Test;

/** The mixture the stage asks for, from the sources it found: no Spark needed. */
class MixStageTest {
  private static final Map<String, long[]> FOUND = Map.of("web", new long[] {900, 900_000},
      "wiki", new long[] {100, 100_000});

  @Test
  void aTargetTheEpochCapsCannotMeetIsAnErrorBeforeAnyDocumentIsDrawn() {
    MixConfig config = new MixConfig(1.0, 10_000_000, 2.0, Map.of(), Map.of(), Map.of(), 0);
    UsageException e = assertThrows(UsageException.class, () -> MixStage.mixture(config, FOUND));
    assertTrue(e.getMessage().startsWith("mix: the caps allow 2,000,000 tokens, fewer than the target of "
        + "10,000,000"), e.getMessage());
  }

  @Test
  void aBoundOnASourceNoDocumentHasIsATypoToReport() {
    MixConfig config = new MixConfig(1.0, 0, 4.0, Map.of("wikipedia", 2.0), Map.of(), Map.of(), 0);
    UsageException e = assertThrows(UsageException.class, () -> MixStage.mixture(config, FOUND));
    assertEquals("mix: bounds are set for [wikipedia], which no document has as its source; the sources are "
        + "[web, wiki]", e.getMessage());
  }

  @Test
  void aSourceWithDocumentsButNoTokensIsAnEmptySource() {
    Map<String, long[]> found = Map.of("web", new long[] {10, 1000}, "blank", new long[] {3, 0});
    UsageException e = assertThrows(UsageException.class, () -> MixStage.mixture(MixConfig.DEFAULTS, found));
    assertEquals("mix: source blank is empty: it has no tokens to mix", e.getMessage());
  }

  @Test
  void aHigherTemperatureTakesTheSmallSourceMoreOften() {
    MixConfig flat = new MixConfig(3.0, 0, 4.0, Map.of(), Map.of(), Map.of(), 0);
    Mixture natural = MixStage.mixture(MixConfig.DEFAULTS, FOUND);
    Mixture flattened = MixStage.mixture(flat, FOUND);
    assertEquals(0.1, natural.share("wiki").targetShare(), 1e-12);
    assertEquals(1.0, natural.share("wiki").epochs(), 1e-12);
    double expected = Math.pow(100_000, 1 / 3.0) / (Math.pow(100_000, 1 / 3.0) + Math.pow(900_000, 1 / 3.0));
    assertEquals(expected, flattened.share("wiki").targetShare(), 1e-12);
  }
}

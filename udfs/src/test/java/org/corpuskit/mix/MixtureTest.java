package org.corpuskit.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixtureTest {
  private static final Mixture.Source WEB = new Mixture.Source("web", 9_000_000, 10, 0, 1);
  private static final Mixture.Source WIKI = new Mixture.Source("wiki", 900_000, 10, 0, 1);
  private static final Mixture.Source CODE = new Mixture.Source("code", 100_000, 10, 0, 1);

  @Test
  void atTemperatureOneTheSharesAreTheNaturalOnes() {
    Mixture mixture = Mixture.of(List.of(WEB, WIKI, CODE), 5_000_000, 1);
    assertEquals(0.9, mixture.share("web").targetShare(), 1e-12);
    assertEquals(0.09, mixture.share("wiki").targetShare(), 1e-12);
    assertEquals(0.01, mixture.share("code").targetShare(), 1e-12);
    assertEquals(0.5, mixture.share("web").epochs(), 1e-12);
    assertEquals(0.01, mixture.share("code").naturalShare(), 1e-12);
  }

  @Test
  void aHigherTemperatureFlattensTheSharesAsTheRootOfTheSizes() {
    Mixture mixture = Mixture.of(List.of(WEB, WIKI, CODE), 5_000_000, 2);
    double total = Math.sqrt(9_000_000) + Math.sqrt(900_000) + Math.sqrt(100_000);
    assertEquals(Math.sqrt(100_000) / total, mixture.share("code").targetShare(), 1e-12);
    Mixture flat = Mixture.of(List.of(WEB, WIKI, new Mixture.Source("code", 100_000, 100, 0, 1)), 5_000_000, 1_000);
    assertEquals(1 / 3.0, flat.share("code").targetShare(), 0.01);
    assertEquals("", flat.share("code").bound());
  }

  @Test
  void aSourceThatWouldBeRepeatedTooOftenIsCappedAndTheOthersTakeTheRest() {
    Mixture.Source code = new Mixture.Source("code", 100_000, 2, 0, 1);
    Mixture mixture = Mixture.of(List.of(WEB, WIKI, code), 5_000_000, 1_000);
    assertEquals(2.0, mixture.share("code").epochs(), 1e-9);
    assertEquals("max_epochs", mixture.share("code").bound());
    assertEquals(200_000 / 5_000_000.0, mixture.share("code").targetShare(), 1e-12);
    double rest = 1 - 200_000 / 5_000_000.0;
    assertEquals(rest / 2, mixture.share("web").targetShare(), 0.001);
    assertEquals(1.0, mixture.shares().stream().mapToDouble(Mixture.Share::targetShare).sum(), 1e-12);
  }

  @Test
  void minimumAndMaximumSharesBindAndTheRestIsRenormalised() {
    Mixture.Source web = new Mixture.Source("web", 9_000_000, 10, 0, 0.6);
    Mixture.Source code = new Mixture.Source("code", 100_000, 100, 0.2, 1);
    Mixture mixture = Mixture.of(List.of(web, WIKI, code), 5_000_000, 1);
    assertEquals(0.6, mixture.share("web").targetShare(), 1e-12);
    assertEquals("max_share", mixture.share("web").bound());
    assertEquals(0.2, mixture.share("code").targetShare(), 1e-12);
    assertEquals("min_share", mixture.share("code").bound());
    assertEquals(0.2, mixture.share("wiki").targetShare(), 1e-12);
  }

  @Test
  void capsThatCannotMeetTheTargetAreAnErrorWithTheNumbers() {
    List<Mixture.Source> small = List.of(new Mixture.Source("a", 1_000, 2, 0, 1),
        new Mixture.Source("b", 3_000, 1, 0, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mixture.of(small, 10_000, 1));
    assertEquals("the caps allow 5,000 tokens, fewer than the target of 10,000: raise max_epochs or max_share, or "
        + "lower the target", e.getMessage());
  }

  @Test
  void impossibleBoundsAndEmptySourcesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Mixture.Source("empty", 0, 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Mixture.of(List.of(new Mixture.Source("a", 10, 1, 0.7, 1),
        new Mixture.Source("b", 10, 1, 0.7, 1)), 10, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mixture.of(List.of(
        new Mixture.Source("a", 100, 1, 0.5, 1), WEB), 1_000, 1));
    assertTrue(e.getMessage().startsWith("source a: min_share 0.5000 needs 500 tokens"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Mixture.of(List.of(WEB, WEB), 10, 1));
  }
}

package org.corpuskit.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The inputs the issue names: empty text, 10 MB of text, binary garbage, one 1 MB line, a script no model knows,
 * and strings built to make regular expressions backtrack. Every signal is set and no exception escapes. Speed is
 * not asserted (benchmarks measure it); the timeout is the check that work stays linear: each case takes well
 * under a second, and quadratic work on the 10 MB ones would take hours.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputTest {
  private final FilterChain chain = new FilterChain(lang -> GopherQuality.ENGLISH_STOP_WORDS, RuleCase.LISTS,
      TestLanguages.ALL);
  private final Set<String> declared = FilterChain.signals().stream().map(Signal::name).collect(Collectors.toSet());

  private void survives(String text, String url) {
    FilterChain.Result result = chain.apply(text, url);
    assertEquals(declared, result.signals().asMap().keySet());
    assertEquals("", result.signals().get("tagger_failed"));
  }

  @Test
  void emptyTextGetsEverySignal() {
    survives("", "");
  }

  @Test
  void tenMegabytesOfTextAreTagged() {
    StringBuilder text = new StringBuilder();
    Random random = new Random(7);
    while (text.length() < 10_000_000) {
      text.append("word").append(random.nextInt(100_000)).append(random.nextInt(12) == 0 ? ".\n" : " ");
    }
    survives(text.toString(), "https://example.org/big");
  }

  @Test
  void binaryGarbageIsTagged() {
    byte[] bytes = new byte[200_000];
    new Random(3).nextBytes(bytes);
    survives(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), "https://example.org/\u0000");
  }

  @Test
  void aOneMegabyteLineIsTagged() {
    survives("a".repeat(1_000_000), "https://example.org/" + "b".repeat(100_000));
  }

  @Test
  void aScriptNoModelKnowsIsUndetermined() {
    FilterChain.Result result = chain.apply("𓀀𓀁𓀂𓀃 𓀄𓀅𓀆 𓀇𓀈𓀉𓀊.", "");
    assertEquals("und", result.signals().get("lang"));
    assertEquals(0.0, result.signals().get("lang_score"));
  }

  @Test
  void urlsBuiltToMakeRegularExpressionsBacktrackAreMatchedInLinearTime() {
    String evil = "https://example.org/" + "-".repeat(50_000) + "x" + "a-".repeat(50_000) + "!";
    survives("Some text about the sea and the river.", evil);
    assertTrue(RuleCase.LISTS.blocklist().category(evil).isEmpty());
  }

  /**
   * Strings that look like personal data thousands of times over: none of them is a record of people, and each
   * is scanned once (docs/benchmarks.md records the time of each; here the class timeout guards linearity).
   */
  @Test
  void runsOfNumberLikeCharactersYieldNoPersonalData() {
    for (String run : List.of("1.1.".repeat(2_500), "1234 ".repeat(2_000), "0".repeat(10_000),
        "12-34-".repeat(2_000), "::".repeat(5_000), "a@".repeat(5_000), "+1 ".repeat(3_000),
        "(12) ".repeat(2_000), "4111 1111 1111 1111 ".repeat(500))) {
      assertEquals(List.of(), PiiFinder.find(run), run.substring(0, 20));
      survives(run, "");
    }
  }
}

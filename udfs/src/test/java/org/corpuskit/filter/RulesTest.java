package org.corpuskit.filter;

import static org.corpuskit.filter.RuleCase.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in rule twice: a minimal document that triggers it, and one just inside its threshold that it
 * keeps. Texts are built so that the rule's own signal sits on either side of the threshold.
 */
class RulesTest {
  private static final String SENTENCE = "The river runs to the sea and the boats come with it.";
  private static final String FRENCH = "Le marché du samedi accueille désormais des producteurs venus de toute "
      + "la vallée.";
  private static final String LONG_LINE = "a repeated line that runs to the sea and back again.";

  /** n plain words, with stop words, no punctuation issues: "the river runs ..." cycled. */
  private static String words(int n) {
    String[] cycle = {"the", "river", "runs", "to", "sea", "and", "boats", "come", "with", "tides"};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(cycle[i % cycle.length]);
    }
    return String.join(" ", out);
  }

  /** n words that are all different, so that no n-gram repeats. */
  static String distinct(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder word = new StringBuilder("q");
      for (int k = i; k > 0; k /= 20) {
        word.append((char) ('a' + k % 20));
      }
      out.add(word.toString());
    }
    return String.join(" ", out);
  }

  /** The same ten distinct words at both ends of {@code between} other distinct words. */
  static String phraseTwice(int between) {
    String phrase = "alpha bravo charlie delta echo foxtrot golf hotel india juliet";
    return phrase + " " + distinct(between) + " " + phrase;
  }

  /** {@code copies} of "red fox" among {@code others} distinct words. */
  static String pairAmong(int copies, int others) {
    return repeat("red fox", copies, " ") + " " + distinct(others);
  }

  /** Ten-word lines, {@code marked} of {@code lines} of them changed by {@code mark}. */
  private static String lines(int lines, int marked, java.util.function.UnaryOperator<String> mark) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      String line = "line " + i + " of the river that runs to the sea and back";
      out.add(i < marked ? mark.apply(line) : line + ".");
    }
    return String.join("\n", out);
  }

  /** Paragraphs of distinct sentences, the last {@code repeated} copies of the first. */
  private static String paragraphs(int count, int repeated) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count - repeated; i++) {
      out.add("Paragraph number " + i + " tells of the river, the sea and the boats that come with the tide.");
    }
    for (int i = 0; i < repeated; i++) {
      out.add(out.get(0));
    }
    return String.join("\n\n", out);
  }

  /**
   * The cases below, and those of each registered tagger whose test class ({@code <Tagger>Test} in this package)
   * has a static {@code ruleCases()}: a new filter brings its rule's cases in its own test.
   */
  static Stream<Arguments> cases() {
    Stream<Arguments> all = builtInCases();
    for (Taggers.Entry<Tagger> entry : Taggers.TAGGERS) {
      all = Stream.concat(all, casesOf(entry.make().apply(TaggerInputs.NONE).getClass()));
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private static Stream<Arguments> casesOf(Class<?> tagger) {
    try {
      Class<?> test = Class.forName(tagger.getName() + "Test");
      java.lang.reflect.Method method = test.getDeclaredMethod("ruleCases");
      method.setAccessible(true);
      return (Stream<Arguments>) method.invoke(null);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return Stream.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(tagger + "Test.ruleCases() failed", e);
    }
  }

  private static Stream<Arguments> builtInCases() {
    return Stream.of(
        Arguments.of("gopher_short_doc", words(49), words(50)),
        Arguments.of("gopher_long_doc", words(100_001), words(100_000)),
        Arguments.of("gopher_below_avg_threshold", repeat("ab", 60, " ") + " the and",
            repeat("abc", 60, " ") + " the and"),
        Arguments.of("gopher_above_avg_threshold", repeat("abcdefghijk", 60, " ") + " the and",
            repeat("abcdefghij", 58, " ") + " the and"),
        Arguments.of("gopher_too_many_hashes", words(100) + repeat(" #", 11, ""), words(100) + repeat(" #", 10, "")),
        Arguments.of("gopher_too_many_ellipsis", words(100) + repeat(" …", 11, ""), words(100) + repeat(" …", 10, "")),
        Arguments.of("gopher_too_many_bullets", lines(10, 10, l -> "- " + l), lines(10, 9, l -> "- " + l)),
        Arguments.of("gopher_too_many_end_ellipsis", lines(10, 4, l -> l + "..."), lines(10, 3, l -> l + "...")),
        Arguments.of("gopher_below_alpha_threshold", words(70) + repeat(" 2024", 31, ""),
            words(80) + repeat(" 2024", 20, "")),
        Arguments.of("gopher_few_stop_words", repeat("river sea boat tide harbour", 12, " ") + " the",
            repeat("river sea boat tide harbour", 12, " ") + " the and"),
        Arguments.of("dup_para_frac", paragraphs(10, 4), paragraphs(10, 3)),
        Arguments.of("dup_para_char_frac", paragraphs(10, 3), paragraphs(10, 2)),
        Arguments.of("dup_line_frac", lines(5, 0, l -> l) + "\n" + repeat("same line here.", 5, "\n"),
            lines(7, 0, l -> l) + "\n" + repeat("same line here.", 4, "\n")),
        Arguments.of("dup_line_char_frac", lines(8, 0, l -> l) + "\n" + repeat(LONG_LINE, 4, "\n"),
            lines(10, 0, l -> l) + "\n" + repeat(LONG_LINE, 3, "\n")),
        Arguments.of("top_2_gram", pairAmong(15, 100), pairAmong(14, 100)),
        Arguments.of("top_3_gram", pairAmong(9, 100), pairAmong(8, 100)),
        Arguments.of("top_4_gram", pairAmong(6, 100), pairAmong(5, 100)),
        Arguments.of("duplicated_5_n_grams", phraseTwice(60), phraseTwice(65)),
        Arguments.of("duplicated_6_n_grams", phraseTwice(30), phraseTwice(35)),
        Arguments.of("duplicated_7_n_grams", phraseTwice(45), phraseTwice(50)),
        Arguments.of("duplicated_8_n_grams", phraseTwice(60), phraseTwice(65)),
        Arguments.of("duplicated_9_n_grams", phraseTwice(80), phraseTwice(85)),
        Arguments.of("duplicated_10_n_grams", phraseTwice(105), phraseTwice(110)),
        Arguments.of("c4_too_few_sentences", repeat(SENTENCE, 4, "\n"), repeat(SENTENCE, 5, "\n")),
        Arguments.of("c4_lorem_ipsum", SENTENCE + "\nLorem ipsum dolor sit amet.", SENTENCE),
        Arguments.of("c4_curly_bracket", SENTENCE + "\nvar x = {a: 1} is set here.", SENTENCE),
        Arguments.of("line_punct_ratio", lines(100, 89, l -> l), lines(100, 88, l -> l)),
        Arguments.of("short_line_ratio", repeat("Short and done.", 7, "\n") + "\n" + lines(3, 0, l -> l),
            repeat("Short and done.", 6, "\n") + "\n" + lines(3, 0, l -> l)),
        Arguments.of("char_dup_ratio", lines(20, 0, l -> l) + "\nline 0 of the river that runs to the sea and back.",
            lines(20, 0, l -> l) + "\nOk."),
        Arguments.of("list_ratio", repeat("one two three.", 30, "\n"), repeat("one two three four.", 30, "\n")),
        Arguments.of("url_blocklisted", "@https://www.casino.example/play\n" + SENTENCE,
            "@https://casino-history.example/play\n" + SENTENCE),
        Arguments.of("url_banned_word", "@https://a.example/free-xxx-videos\n" + SENTENCE,
            "@https://a.example/free-xxxl-shirts\n" + SENTENCE),
        Arguments.of("url_soft_banned_words", "@https://a.example/hot-cams\n" + SENTENCE,
            "@https://a.example/hot-dogs\n" + SENTENCE),
        Arguments.of("url_banned_subword", "@https://a.example/big_bad-word\n" + SENTENCE,
            "@https://a.example/big-bad-day\n" + SENTENCE),
        Arguments.of("language_score", SENTENCE + " " + FRENCH, repeat(SENTENCE, 3, " ") + " " + FRENCH),
        Arguments.of("bad_words", SENTENCE + " Good grief, the tide.", SENTENCE + " Good, the grief passed."));
  }

  private static Rule rule(String name) {
    return Rules.DEFAULTS.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0} rejects its minimal document")
  @MethodSource("cases")
  void eachRuleRejectsADocumentOverItsThreshold(String name, String rejected, String kept) {
    Signals signals = RuleCase.signals(rejected);
    Rule rule = rule(name);
    assertTrue(rule.rejects(signals), name + ": " + rule.signal() + " = " + signals.get(rule.signal()));
  }

  @ParameterizedTest(name = "{0} keeps a document just inside its threshold")
  @MethodSource("cases")
  void eachRuleKeepsADocumentJustInsideItsThreshold(String name, String rejected, String kept) {
    Signals signals = RuleCase.signals(kept);
    Rule rule = rule(name);
    assertFalse(rule.rejects(signals), name + ": " + rule.signal() + " = " + signals.get(rule.signal()));
  }

  @Test
  void everyBuiltInRuleHasItsTwoCases() {
    List<String> tested = cases().map(a -> (String) a.get()[0]).toList();
    List<String> untested = Rules.DEFAULTS.stream().map(Rule::name).filter(n -> !tested.contains(n)).toList();
    assertEquals(List.of(), untested, "rules without cases");
  }

  @Test
  void theSqlOfARuleIsItsComparison() {
    assertEquals("signals.word_count < 50", rule("gopher_short_doc").sql());
    assertEquals("signals.dup_line_char_frac > 0.2", rule("dup_line_char_frac").sql());
    assertEquals(Rules.DEFAULTS.size(), Rules.DEFAULTS.stream().map(Rule::name).collect(Collectors.toSet()).size());
  }
}

package org.corpuskit.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FilterChainTest {
  private final FilterChain chain = new FilterChain(lang -> GopherQuality.ENGLISH_STOP_WORDS, SafetyLists.empty(), TestLanguages.ALL);

  @Test
  void everyDeclaredSignalIsSetOnEveryDocumentAndNoOther() {
    Set<String> declared = FilterChain.signals().stream().map(Signal::name).collect(Collectors.toSet());
    for (String text : new String[] {"", "One line.", "The river runs to the sea.\n\nAnd back again, twice.",
        "\u0000\u0001\uFFFF garbage \uD800"}) {
      assertEquals(declared, chain.apply(text, "").signals().asMap().keySet(), text);
    }
  }

  @Test
  void c4KeepsTheSentencesAndDropsTheMenuAndTheCookieNotice() {
    String text = "Home | News | Contact\nThe harbour opens at six and the ferry leaves at seven.\n"
        + "This site uses cookies to improve your experience.\nTickets are sold on board, cash only.";
    FilterChain.Result result = chain.apply(text, "");
    assertEquals("The harbour opens at six and the ferry leaves at seven.\nTickets are sold on board, cash only.",
        result.text());
    assertEquals(2, result.signals().get("c4_lines_removed"));
  }

  @Test
  void chineseTextHasWordsAndSentencesWithoutSpaces() {
    Signals signals = chain.apply("我们今天去北京大学参观。天气很好，大家都很高兴。", "").signals();
    assertTrue((int) signals.get("word_count") >= 8, String.valueOf(signals.get("word_count")));
    assertEquals(2, signals.get("c4_sentences"), "C4 keeps Chinese lines that end in 。");
  }

  @Test
  void aTaggerThatThrowsIsRecordedByNameInsteadOfEscaping() {
    java.util.List<String> failures = new java.util.ArrayList<>();
    FilterChain.run(failures, "broken", () -> {
      throw new IllegalStateException("bad input");
    });
    FilterChain.run(failures, "fine", () -> { });
    assertEquals(java.util.List.of("broken: java.lang.IllegalStateException: bad input"), failures);
    assertEquals("", chain.apply("text", "").signals().get("tagger_failed"));
  }

  @Test
  void aTaggerThatFailsInTheChainRejectsWithItsNameWhileTheOthersStillTag() {
    Tagger failing = new Tagger() {
      @Override
      public String name() {
        return "failing";
      }

      @Override
      public java.util.List<Signal> signals() {
        return java.util.List.of();
      }

      @Override
      public void tag(FilterDoc doc, Signals out) {
        throw new IllegalStateException("broken on purpose");
      }
    };
    FilterChain withFailing = new FilterChain(java.util.List.of(failing), lang -> Set.of(), SafetyLists.empty(),
        TestLanguages.ALL, FilterChain.Options.DEFAULT);
    FilterChain.Result result = withFailing.apply("The harbour opens at six and the ferry leaves at seven.", "");
    assertEquals("failing: java.lang.IllegalStateException: broken on purpose",
        result.signals().get("tagger_failed"));
    assertEquals(11, result.signals().get("word_count"), "the taggers before it ran");
    assertEquals(1, result.signals().get("c4_sentences"), "the editors after it ran");
  }

  @Test
  void everyRegisteredTaggerHasANameOfItsOwn() {
    java.util.List<String> names = new java.util.ArrayList<>();
    Taggers.TAGGERS.forEach(e -> names.add(e.make().apply(TaggerInputs.NONE).name()));
    Taggers.EDITORS.forEach(e -> names.add(e.make().apply(TaggerInputs.NONE).name()));
    assertEquals(names.size(), Set.copyOf(names).size(), names.toString());
  }

  @Test
  void aLanguageWithoutAStopWordListGetsNoStopWordCountAndSoNoStopWordRejection() {
    FilterChain withoutLists = new FilterChain(lang -> Set.of(), SafetyLists.empty(), TestLanguages.ALL);
    Signals german = withoutLists.apply("Der Bäcker am Marktplatz öffnet jeden Morgen um sechs Uhr.", "")
        .signals();
    assertEquals(null, german.get("stop_words"));
    assertEquals(false, Rules.DEFAULTS.stream().filter(r -> r.name().equals("gopher_few_stop_words")).findFirst()
        .orElseThrow().rejects(german));
    assertEquals(0, withoutLists.apply("123 456 789.", "").signals().get("stop_words"),
        "a text of no detectable language is judged with Gopher's English list, as datatrove does");
  }
}

package org.corpuskit.decontaminate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field paths that pick the gold choice, the first answer or each alias, and the prompts' scaffolding. */
class LayoutTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> texts(String json, String... fields) throws IOException {
    return Layout.of(fields).texts(JSON.readTree(json));
  }

  @Test
  void aNumberAfterADotIsAPositionInTheArray() throws IOException {
    assertEquals(List.of("Who?\nfirst"), texts("{\"q\": \"Who?\", \"answer\": [\"first\", \"second\"]}", "q",
        "answer.0"));
  }

  @Test
  void theGoldSelectorTakesAnIndexFromZeroOrOneALetterOrALabel() throws IOException {
    String choices = "{\"q\": \"Which?\", \"choices\": [\"red\", \"blue\", \"green\"], \"gold\": 1, \"key\": \"C\", "
        + "\"one\": \"1\"}";
    assertEquals(List.of("Which?\nblue"), texts(choices, "q", "choices[gold]"));
    assertEquals(List.of("Which?\ngreen"), texts(choices, "q", "choices[key]"));
    assertEquals(List.of("Which?\nred"), texts(choices, "q", "choices[one-1]"));
    assertEquals(List.of("Which?\nblue"), texts("{\"q\": \"Which?\", \"c\": {\"text\": [\"red\", \"blue\"], "
        + "\"label\": [\"7\", \"8\"]}, \"k\": \"8\"}", "q", "c.text[k]"));
  }

  @Test
  void aGoldIndexOutsideTheChoicesIsAMissingField() throws IOException {
    JsonNode record = JSON.readTree("{\"q\": \"Which?\", \"choices\": [\"red\"], \"gold\": 3}");
    assertEquals(List.of("choices[gold]"), Layout.of("q", "choices[gold]").missing(record));
  }

  @Test
  void eachAliasIsAVariantOfTheItem() throws IOException {
    assertEquals(List.of("Capital?\nOslo", "Capital?\nChristiania"),
        texts("{\"q\": \"Capital?\", \"aliases\": [\"Oslo\", \"Christiania\"]}", "q", "aliases[each]"));
  }

  @Test
  void aListWrittenAsTextIsAList() throws IOException {
    assertEquals(List.of("Q\nit's b"), texts("{\"q\": \"Q\", \"c\": \"['a', \\\"it's b\\\"]\", \"g\": 1}", "q",
        "c[g]"));
  }

  @Test
  void aGoldChoiceFillsTheBlankOfTheTextBeforeIt() throws IOException {
    assertEquals(List.of("Ann thanked Bo because Bo helped."), texts("{\"s\": \"Ann thanked Bo because _ helped.\", "
        + "\"option1\": \"Ann\", \"option2\": \"Bo\", \"answer\": \"2\"}", "s", "option[answer-1]"));
  }

  @Test
  void promptScaffoldingIsStrippedAndALetterIsItsLine() throws IOException {
    Layout layout = Layout.prompts("query", "choices[gold]");
    assertEquals(List.of("Where is the door?\nmall"), layout.texts(JSON.readTree("{\"query\": \"Question: Where is "
        + "the door?\\nChoices:\\nA. bank\\nB. mall\\nAnswer:\", \"choices\": [\"A\", \"B\"], \"gold\": 1}")));
    assertEquals("A. Lincoln spoke first.", Scaffolding.strip("A. Lincoln spoke first."),
        "one lettered line is a sentence, not a choice");
  }

  @Test
  void aMalformedFieldIsRefusedWithExamples() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Layout.of("choices[gold"));
    assertTrue(e.getMessage().contains("choices[gold] or aliases[each]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Layout.of("a[each]", "b[each]"));
  }
}

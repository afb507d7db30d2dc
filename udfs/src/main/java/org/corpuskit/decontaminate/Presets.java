package org.corpuskit.decontaminate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The layouts of common benchmarks, by preset name. A preset lists the layouts the benchmark is published in
 * (its authors' release, the Hugging Face copy, MosaicML's reformatted one for the LLM Foundry eval gauntlet);
 * a file takes the first whose fields its first record has. What the test text is follows what a model is shown
 * and asked to write: the question with its choices or context, and the reference answer or solution.
 */
public final class Presets {
  private static final Layout MOSAIC_CHOICES = Layout.of("query", "choices");
  private static final Layout MOSAIC_CONTINUATION = Layout.of("context", "continuation");

  private static final Map<String, List<Layout>> PRESETS = new TreeMap<>(Map.ofEntries(
      Map.entry("gsm8k", List.of(Layout.of("question", "answer"))),
      Map.entry("humaneval", List.of(Layout.of("prompt", "canonical_solution"))),
      // MMLU-Redux and the Hugging Face copy have a header and a list of choices; the original CSVs have neither.
      Map.entry("mmlu", List.of(Layout.of("question", "choices"), Layout.of("0", "1", "2", "3", "4"))),
      Map.entry("arc", List.of(Layout.of("question.stem", "question.choices.text"),
          Layout.of("question", "choices.text"), MOSAIC_CHOICES)),
      Map.entry("piqa", List.of(Layout.of("goal", "sol1", "sol2"), MOSAIC_CHOICES)),
      Map.entry("hellaswag", List.of(Layout.of("ctx", "endings"), MOSAIC_CHOICES)),
      Map.entry("winogrande", List.of(Layout.of("sentence", "option1", "option2"),
          Layout.of("context_options", "continuation"))),
      Map.entry("lambada", List.of(Layout.of("text"), MOSAIC_CONTINUATION)),
      Map.entry("boolq", List.of(Layout.of("question", "passage"), MOSAIC_CONTINUATION)),
      // TriviaQA's own release is one JSON document with the questions under "Data".
      Map.entry("triviaqa", List.of(Layout.of("question", "answer.value"),
          new Layout(List.of("Question", "Answer.Value"), "Data"))),
      Map.entry("nq-open", List.of(Layout.of("question", "answer"))),
      Map.entry("truthfulqa", List.of(Layout.of("Question", "Best Answer"), Layout.of("question", "best_answer"))),
      // SQuAD's release is one JSON document; a record is a paragraph with its questions.
      Map.entry("squad", List.of(new Layout(List.of("context", "qas.question"), "data.paragraphs"),
          Layout.of("context", "question"))),
      Map.entry("math", List.of(Layout.of("problem", "solution"), Layout.of("context", "chain_of_thought"))),
      Map.entry("commonsenseqa", List.of(Layout.of("question.stem", "question.choices.text"),
          Layout.of("question", "choices.text"), MOSAIC_CHOICES)),
      Map.entry("openbookqa", List.of(Layout.of("question.stem", "question.choices.text"),
          Layout.of("question_stem", "choices.text"), MOSAIC_CHOICES))));

  /**
   * MMLU's moral_scenarios questions (in the original release and in MMLU-Redux) have apostrophes in Mac OS
   * Roman among UTF-8 lines.
   */
  private static final Map<String, String> ENCODINGS = Map.of("mmlu", "x-MacRoman");

  private Presets() {}

  /** The preset names, sorted. */
  public static List<String> names() {
    return List.copyOf(PRESETS.keySet());
  }

  /** The encoding of the preset's lines that are not UTF-8, or empty when every line must be UTF-8. */
  public static String encoding(String name) {
    layouts(name);
    return ENCODINGS.getOrDefault(name, "");
  }

  /** The layouts of preset {@code name}, in the order files are tried against them. */
  public static List<Layout> layouts(String name) {
    List<Layout> layouts = PRESETS.get(name);
    if (layouts == null) {
      throw new IllegalArgumentException("no preset '" + name + "'; presets: " + String.join(", ", names()));
    }
    return layouts;
  }
}

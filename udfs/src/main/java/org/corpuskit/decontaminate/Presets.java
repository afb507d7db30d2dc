package org.corpuskit.decontaminate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The layouts of common benchmarks, by preset name. A preset lists the layouts the benchmark is published in
 * (its authors' release, the Hugging Face copy, LLM Foundry's eval gauntlet, lm-eval-harness's files), and a
 * file takes the first whose fields its first record has. An item is what a model is scored on: the prompt
 * (question, context, passage) and the gold answer only; of multiple choices the one the gold label names, and
 * of an answer's aliases each as a variant. Where a release keeps its labels apart (PIQA, Social IQa), its
 * records give the question with every choice.
 */
public final class Presets {
  /** LLM Foundry's multiple choice: a prompt with its scaffolding, the choices, and the gold index. */
  private static final Layout FOUNDRY_CHOICE = Layout.prompts("query", "choices[gold]");
  /** LLM Foundry's language modelling and schema layouts. */
  private static final Layout FOUNDRY_CONTINUATION = Layout.prompts("context", "continuation");
  private static final Layout FOUNDRY_SCHEMA = Layout.prompts("context_options[gold]", "continuation");
  /** LLM Foundry's question answering: the prompt, and the answer's aliases as variants. */
  private static final Layout FOUNDRY_ALIASES = Layout.prompts("context", "aliases[each]");
  private static final Layout FOUNDRY_ANSWER = Layout.prompts("context", "answer");

  private static final Map<String, List<Layout>> PRESETS = new TreeMap<>(Map.ofEntries(
      Map.entry("gsm8k", List.of(Layout.of("question", "answer"), FOUNDRY_ANSWER)),
      Map.entry("humaneval", List.of(Layout.of("prompt", "canonical_solution"))),
      // MMLU-Redux's CSVs write the choices as a Python list; the original CSVs have no header.
      Map.entry("mmlu", List.of(Layout.of("question", "choices[answer]"),
          new Layout(List.of("question", "choices[answer]"), "", false, Shape.MMLU_COLUMNS), FOUNDRY_CHOICE)),
      Map.entry("arc", List.of(Layout.of("question.stem", "question.choices[answerKey].text"),
          Layout.of("question", "choices.text[answerKey]"), FOUNDRY_CHOICE)),
      Map.entry("piqa", List.of(Layout.of("goal", "sol[label]"), Layout.of("goal", "sol1", "sol2"),
          FOUNDRY_CHOICE)),
      Map.entry("hellaswag", List.of(Layout.of("ctx", "endings[label]"),
          new Layout(List.of("ctx", "endings[label]"), "", false, Shape.HELLASWAG_LINES), FOUNDRY_CHOICE)),
      Map.entry("winogrande", List.of(Layout.of("sentence", "option[answer-1]"), FOUNDRY_SCHEMA)),
      Map.entry("lambada", List.of(Layout.of("text"), FOUNDRY_CONTINUATION)),
      Map.entry("boolq", List.of(Layout.of("passage", "question"), FOUNDRY_CHOICE, FOUNDRY_CONTINUATION)),
      // TriviaQA's own release is one JSON document with the questions under "Data".
      Map.entry("triviaqa", List.of(Layout.of("question", "answer.aliases[each]"),
          new Layout(List.of("Question", "Answer.Aliases[each]"), "Data", false, Shape.AS_IS), FOUNDRY_ALIASES,
          FOUNDRY_ANSWER)),
      Map.entry("nq-open", List.of(Layout.of("question", "answer[each]"), FOUNDRY_ALIASES, FOUNDRY_ANSWER)),
      Map.entry("truthfulqa", List.of(Layout.of("Question", "Best Answer"), Layout.of("question", "best_answer"),
          Layout.of("question", "mc1_targets.choices.0"), FOUNDRY_CHOICE)),
      // SQuAD's release is one JSON document; a record is a paragraph with its questions.
      Map.entry("squad", List.of(new Layout(List.of("context", "qas.question"), "data.paragraphs", false,
          Shape.AS_IS), Layout.of("context", "question"), FOUNDRY_ALIASES, FOUNDRY_ANSWER)),
      Map.entry("math", List.of(Layout.of("problem", "solution"), Layout.prompts("context", "chain_of_thought"))),
      Map.entry("commonsenseqa", List.of(Layout.of("question.stem", "question.choices[answerKey].text"),
          Layout.of("question", "choices.text[answerKey]"), FOUNDRY_CHOICE)),
      Map.entry("openbookqa", List.of(Layout.of("question.stem", "question.choices[answerKey].text"),
          Layout.of("question_stem", "choices.text[answerKey]"), FOUNDRY_CHOICE)),
      // Social IQa: answerA..answerC; the Hugging Face copy labels them 1 to 3, the release in a file apart.
      Map.entry("siqa", List.of(Layout.of("context", "question", "answer[label-1]"),
          Layout.of("context", "question", "answerA", "answerB", "answerC"), FOUNDRY_CHOICE)),
      Map.entry("copa", List.of(Layout.of("premise", "choice[label]"), FOUNDRY_CHOICE, FOUNDRY_CONTINUATION)),
      // WSC273 and SuperGLUE's WSC: the schema's text is the item; LLM Foundry's has the options filled in.
      Map.entry("wsc", List.of(FOUNDRY_SCHEMA, Layout.of("text"))),
      Map.entry("winograd", List.of(FOUNDRY_SCHEMA, Layout.of("text"))),
      Map.entry("jeopardy", List.of(Layout.of("question", "answer"), FOUNDRY_ANSWER, FOUNDRY_CONTINUATION)),
      Map.entry("aqua", List.of(Layout.of("question", "options[correct]", "rationale"), FOUNDRY_CHOICE)),
      Map.entry("svamp", List.of(Layout.of("Body", "Question", "Answer"), Layout.of("body", "question", "answer"),
          FOUNDRY_ANSWER))));

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

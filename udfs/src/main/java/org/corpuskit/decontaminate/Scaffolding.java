package org.corpuskit.decontaminate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt words that in-context-learning layouts (LLM Foundry's eval gauntlet, lm-eval-harness) put around a
 * benchmark's text: labels such as {@code Question:}, {@code Passage:} or {@code Answer:}, and the choices
 * written as lettered lines ({@code A. bank}). A page that quotes the benchmark has none of them, so they are
 * taken out of the item. Stateless.
 */
final class Scaffolding {
  private static final Pattern LABEL = Pattern.compile("^\\s*(?:Question|Questions|Q|Passage|Context|Answer|A|"
      + "Choices|Options|Answer Choices|Sentence|Problem|Premise|Hypothesis|Story|Text|Category|Solution)"
      + "\\s*:\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern LETTERED = Pattern.compile("^\\s*\\(?([A-H])[.)]\\s+(.*\\S)\\s*$");
  /** Without the spaces before it, which a search from every position would scan again and again. */
  private static final Pattern TRAILING_ANSWER = Pattern.compile("\\bAnswer\\s*:\\s*$", Pattern.CASE_INSENSITIVE);

  private Scaffolding() {}

  /** {@code text} without its labels and its lettered choice lines. */
  static String strip(String text) {
    List<String> lines = List.of(text.split("\n", -1));
    boolean choices = letteredLines(lines) >= 2;
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      if (choices && LETTERED.matcher(line).matches()) {
        continue;
      }
      java.util.regex.Matcher answer = TRAILING_ANSWER.matcher(line);
      String stripped = answer.find() ? line.substring(0, answer.start()).stripTrailing() : line;
      String previous;
      do {
        previous = stripped;
        stripped = LABEL.matcher(stripped).replaceFirst("");
      } while (!stripped.equals(previous));
      if (!stripped.isBlank()) {
        kept.add(stripped.strip());
      }
    }
    return String.join("\n", kept);
  }

  /**
   * The text of the choice lettered {@code letter} in {@code prompt} ({@code B. mall} gives {@code mall}), or null
   * when {@code letter} is not one letter or the prompt has no such line.
   */
  static String letteredChoice(String prompt, String letter) {
    String wanted = letter.strip();
    if (!wanted.matches("[A-H]") || letteredLines(List.of(prompt.split("\n"))) < 2) {
      return null;
    }
    for (String line : prompt.split("\n")) {
      Matcher m = LETTERED.matcher(line);
      if (m.matches() && m.group(1).equals(wanted)) {
        return m.group(2);
      }
    }
    return null;
  }

  private static int letteredLines(List<String> lines) {
    int count = 0;
    for (String line : lines) {
      count += LETTERED.matcher(line).matches() ? 1 : 0;
    }
    return count;
  }
}

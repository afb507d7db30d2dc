package org.corpuskit.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** How often a detector named the labelled language, per paragraph; aggregates by language and by file. */
public final class LanguageAccuracy {
  /** One paragraph's label (in the detector's codes) and the detector's answer. */
  public record Outcome(String file, String expected, String guessed) {
    public boolean correct() {
      return expected.equals(guessed);
    }
  }

  /** Paragraphs, correct answers and the wrong answers by count. */
  public record Counts(int paragraphs, int correct, Map<String, Integer> wrong) {
    public double accuracy() {
      return paragraphs == 0 ? Double.NaN : correct / (double) paragraphs;
    }
  }

  private final List<Outcome> outcomes;

  public LanguageAccuracy(List<Outcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
  }

  public List<Outcome> outcomes() {
    return outcomes;
  }

  /** The share of all paragraphs answered right. */
  public double overall() {
    return count(outcomes).accuracy();
  }

  /** The share of the paragraphs labelled with one of {@code languages} answered right. */
  public double over(Collection<String> languages) {
    return count(outcomes.stream().filter(o -> languages.contains(o.expected())).toList()).accuracy();
  }

  public Map<String, Counts> byLanguage() {
    return group(Outcome::expected);
  }

  public Map<String, Counts> byFile() {
    return group(Outcome::file);
  }

  private Map<String, Counts> group(Function<Outcome, String> key) {
    Map<String, List<Outcome>> groups = new TreeMap<>();
    for (Outcome outcome : outcomes) {
      groups.computeIfAbsent(key.apply(outcome), k -> new ArrayList<>()).add(outcome);
    }
    Map<String, Counts> counts = new TreeMap<>();
    groups.forEach((k, v) -> counts.put(k, count(v)));
    return counts;
  }

  private static Counts count(List<Outcome> outcomes) {
    int correct = 0;
    Map<String, Integer> wrong = new TreeMap<>();
    for (Outcome outcome : outcomes) {
      if (outcome.correct()) {
        correct++;
      } else {
        wrong.merge(outcome.guessed(), 1, Integer::sum);
      }
    }
    return new Counts(outcomes.size(), correct, wrong);
  }
}

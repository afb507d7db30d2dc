package org.corpuskit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A user's language-labelled texts (JSON lines of {text, lang}) scored against a detector, with codes merged as
 * the filter merges them ({@code hbs} for hr, bs and sr): accuracy overall and per language, and the languages
 * each was taken for. Thread-safe: stateless.
 */
public final class LabelledLanguages {
  private LabelledLanguages() {}

  /** The detector's answer for each labelled text of {@code file}, both sides merged by {@code merged}. */
  public static LanguageAccuracy score(Path file, Function<String, String> detector, Map<String, String> merged) {
    ObjectMapper json = new ObjectMapper();
    List<LanguageAccuracy.Outcome> outcomes = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode record;
      try {
        record = json.readTree(lines.get(i));
      } catch (IOException e) {
        throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + ": not JSON");
      }
      if (!record.path("text").isTextual() || !record.path("lang").isTextual()) {
        throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + ": needs text and lang");
      }
      String expected = record.get("lang").asText().toLowerCase(Locale.ROOT);
      String guessed = detector.apply(record.get("text").asText());
      outcomes.add(new LanguageAccuracy.Outcome("line " + (i + 1), merged.getOrDefault(expected, expected),
          merged.getOrDefault(guessed, guessed)));
    }
    return new LanguageAccuracy(outcomes);
  }

  /** Overall accuracy, then a line per language: texts, accuracy, and the three answers most often wrong. */
  public static String table(LanguageAccuracy accuracy) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d texts, accuracy %.4f%n%-8s %6s %9s  %s%n",
        accuracy.outcomes().size(), accuracy.overall(), "lang", "texts", "accuracy", "taken for"));
    accuracy.byLanguage().forEach((lang, counts) -> out.append(String.format(Locale.ROOT, "%-8s %6d %9.4f  %s%n",
        lang, counts.paragraphs(), counts.accuracy(), String.join(", ", counts.wrong().entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
            .map(e -> e.getKey() + " " + e.getValue()).toList()))));
    return out.toString();
  }
}

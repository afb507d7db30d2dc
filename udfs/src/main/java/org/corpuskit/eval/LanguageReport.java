package org.corpuskit.eval;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * docs/lang-accuracy.md: the accuracy of one or more detectors side by side, overall, on the 20 most common web
 * languages, per language and per page with errors. Thread-safe: static methods without state.
 */
public final class LanguageReport {
  /**
   * One detector's outcomes on the paragraphs of at least {@value LanguageEval#MIN_CHARS} characters and on the
   * shorter ones of at least {@value LanguageEval#SHORT_MIN_CHARS}.
   */
  public record Run(String detector, LanguageAccuracy paragraphs, LanguageAccuracy shortParagraphs) {}

  private LanguageReport() {}

  /** The report, after {@code preamble} (a title and how it was made). */
  public static String markdown(String preamble, List<Run> runs, Collection<String> supported) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs");
    }
    StringBuilder out = new StringBuilder(preamble.strip()).append("\n\n");
    summary(out, runs);
    perLanguage(out, runs, supported);
    confusable(out, runs.get(0));
    pagesWithErrors(out, runs);
    return out.toString();
  }

  /** Languages that detectors confuse with each other, by the code a configuration may merge them into. */
  static final Map<String, List<String>> CONFUSABLE = confusableGroups();

  private static Map<String, List<String>> confusableGroups() {
    Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
    groups.put("hbs", List.of("hr", "bs", "sr"));
    groups.put("ms", List.of("ms", "id"));
    groups.put("no", List.of("nb", "nn", "da"));
    return groups;
  }

  /**
   * For each group of {@link #CONFUSABLE}, the first detector's answers on the group's paragraphs (rows: the
   * label; columns: the answer), and its accuracy with the group's codes kept apart and merged into one.
   */
  private static void confusable(StringBuilder out, Run run) {
    out.append("## Confusable languages\n\n")
        .append("Paragraphs of ").append(LanguageEval.MIN_CHARS).append(" characters or more, ").append(run.detector())
        .append(". Rows are the label, columns the answer. Where a corpus need not tell them apart, ")
        .append("`filter.lang.merge` reports a group as one code (`signals.lang`), so that per-language rules and ")
        .append("source weights treat it as one language; `corpus eval lang --gold FILE --set ")
        .append("'filter.lang.merge={hbs: [hr, bs, sr]}'` scores a labelled set so:\n\n```yaml\nfilter:\n  lang:\n")
        .append("    merge:\n      hbs: [hr, bs, sr]\n```\n\nMerging helps where a group's languages are taken for ")
        .append("each other (\"merged\" above \"apart\"); an answer outside the group (\"other\") is a script or a ")
        .append("model missing, which merging does not mend.\n\n");
    CONFUSABLE.forEach((into, codes) -> {
      List<LanguageAccuracy.Outcome> group = run.paragraphs().outcomes().stream()
          .filter(o -> codes.contains(o.expected())).toList();
      out.append("| ").append(into).append(" | ");
      codes.forEach(code -> out.append(code).append(" | "));
      out.append("other | apart | merged |\n|---|");
      codes.forEach(code -> out.append("---:|"));
      out.append("---:|---:|---:|\n");
      for (String label : codes) {
        List<LanguageAccuracy.Outcome> rows = group.stream().filter(o -> o.expected().equals(label)).toList();
        out.append("| ").append(label).append(" | ");
        for (String answer : codes) {
          out.append(rows.stream().filter(o -> o.guessed().equals(answer)).count()).append(" | ");
        }
        long other = rows.stream().filter(o -> !codes.contains(o.guessed())).count();
        long right = rows.stream().filter(LanguageAccuracy.Outcome::correct).count();
        out.append(other).append(" | ").append(percent(rows.isEmpty() ? Double.NaN : (double) right / rows.size(), 1))
            .append(" | ").append(percent(rows.isEmpty() ? Double.NaN
                : (double) (rows.size() - other) / rows.size(), 1)).append(" |\n");
      }
      out.append('\n');
    });
  }

  private static void summary(StringBuilder out, List<Run> runs) {
    int min = LanguageEval.MIN_CHARS;
    out.append("## Summary\n\n")
        .append("| detector | paragraphs ≥ ").append(min).append(" | overall | top 20 | top 20 without variety pages")
        .append(" | paragraphs ").append(LanguageEval.SHORT_MIN_CHARS).append("–").append(min - 1)
        .append(" | overall | top 20 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Run run : runs) {
      LanguageAccuracy top = LanguageEval.withoutVarieties(run.paragraphs());
      out.append("| ").append(run.detector())
          .append(" | ").append(run.paragraphs().outcomes().size())
          .append(" | ").append(percent(run.paragraphs().overall(), 2))
          .append(" | ").append(percent(run.paragraphs().over(LanguageEval.TOP_WEB_LANGUAGES), 2))
          .append(" | ").append(percent(top.over(LanguageEval.TOP_WEB_LANGUAGES), 2))
          .append(" | ").append(run.shortParagraphs().outcomes().size())
          .append(" | ").append(percent(run.shortParagraphs().overall(), 2))
          .append(" | ").append(percent(run.shortParagraphs().over(LanguageEval.TOP_WEB_LANGUAGES), 2))
          .append(" |\n");
    }
    out.append('\n');
  }

  private static void perLanguage(StringBuilder out, List<Run> runs, Collection<String> supported) {
    int min = LanguageEval.MIN_CHARS;
    out.append("## Per language\n\nTop-20 web languages in bold. Accuracy on paragraphs of ").append(min)
        .append(" characters or more, then on those of ").append(LanguageEval.SHORT_MIN_CHARS).append("–")
        .append(min - 1).append(";\n\"wrong\" lists the first detector's wrong answers on the long ones.\n\n")
        .append("| language | pages | ≥ ").append(min);
    runs.forEach(run -> out.append(" | ").append(run.detector()));
    out.append(" | < ").append(min);
    runs.forEach(run -> out.append(" | ").append(run.detector()));
    out.append(" | wrong |\n|---|---:|---:").append("|---:".repeat(2 * runs.size() + 1)).append("|---|\n");
    Map<String, LanguageAccuracy.Counts> first = runs.get(0).paragraphs().byLanguage();
    for (String language : new TreeSet<>(supported)) {
      String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH) + " (" + language + ")";
      out.append("| ").append(LanguageEval.TOP_WEB_LANGUAGES.contains(language) ? "**" + name + "**" : name)
          .append(" | ").append(pages(runs.get(0), language));
      appendCounts(out, runs, language, Run::paragraphs);
      appendCounts(out, runs, language, Run::shortParagraphs);
      LanguageAccuracy.Counts counts = first.get(language);
      out.append(" | ").append(counts == null ? "" : wrong(counts.wrong())).append(" |\n");
    }
    out.append('\n');
  }

  private static void appendCounts(StringBuilder out, List<Run> runs, String language,
      Function<Run, LanguageAccuracy> band) {
    LanguageAccuracy.Counts counts = band.apply(runs.get(0)).byLanguage().get(language);
    out.append(" | ").append(counts == null ? 0 : counts.paragraphs());
    for (Run run : runs) {
      LanguageAccuracy.Counts own = band.apply(run).byLanguage().get(language);
      out.append(" | ").append(own == null ? "–" : percent(own.accuracy(), 1));
    }
  }

  private static void pagesWithErrors(StringBuilder out, List<Run> runs) {
    int min = LanguageEval.MIN_CHARS;
    out.append("## Pages with errors\n\n")
        .append("Right answers out of paragraphs of ").append(min).append(" characters or more, then of ")
        .append(LanguageEval.SHORT_MIN_CHARS).append("–").append(min - 1).append("; wrong answers of both.\nKind: ")
        .append("`variety` = a regional variety under the standard language's code (the label is off);\n`script` = ")
        .append("a script the language's model does not know; `near-identical` = Bosnian, Croatian and Serbian.\n\n")
        .append("| page | label");
    runs.forEach(run -> out.append(" | ").append(run.detector()).append(" ≥ ").append(min));
    runs.forEach(run -> out.append(" | ").append(run.detector()).append(" < ").append(min));
    runs.forEach(run -> out.append(" | ").append(run.detector()).append(" wrong"));
    out.append(" | kind | note |\n|---|---").append("|---:".repeat(2 * runs.size())).append("|---".repeat(runs.size()))
        .append("|---|---|\n");
    TreeSet<String> files = new TreeSet<>();
    for (Run run : runs) {
      for (LanguageAccuracy band : List.of(run.paragraphs(), run.shortParagraphs())) {
        band.outcomes().stream().filter(o -> !o.correct()).forEach(o -> files.add(o.file()));
      }
    }
    for (String file : files) {
      Run first = runs.get(0);
      String label = Stream.concat(first.paragraphs().outcomes().stream(), first.shortParagraphs().outcomes().stream())
          .filter(o -> o.file().equals(file)).findFirst().orElseThrow().expected();
      out.append("| ").append(file).append(" | ").append(label);
      runs.forEach(run -> out.append(" | ").append(rightOf(run.paragraphs(), file)));
      runs.forEach(run -> out.append(" | ").append(rightOf(run.shortParagraphs(), file)));
      for (Run run : runs) {
        Map<String, Integer> wrong = new TreeMap<>();
        Stream.concat(run.paragraphs().outcomes().stream(), run.shortParagraphs().outcomes().stream())
            .filter(o -> o.file().equals(file) && !o.correct())
            .forEach(o -> wrong.merge(o.guessed(), 1, Integer::sum));
        out.append(" | ").append(wrong(wrong));
      }
      String kind = UdhrNotes.kind(file);
      out.append(" | ").append(kind == null ? "" : kind).append(" | ").append(UdhrNotes.note(file)).append(" |\n");
    }
  }

  private static String rightOf(LanguageAccuracy band, String file) {
    LanguageAccuracy.Counts counts = band.byFile().get(file);
    return counts == null ? "–" : counts.correct() + "/" + counts.paragraphs();
  }

  private static int pages(Run run, String language) {
    return (int) Stream.concat(
            run.paragraphs().outcomes().stream(), run.shortParagraphs().outcomes().stream())
        .filter(o -> o.expected().equals(language))
        .map(LanguageAccuracy.Outcome::file)
        .distinct()
        .count();
  }

  private static String wrong(Map<String, Integer> wrong) {
    return wrong.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String percent(double accuracy, int decimals) {
    return Double.isNaN(accuracy) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f %%", 100 * accuracy);
  }
}

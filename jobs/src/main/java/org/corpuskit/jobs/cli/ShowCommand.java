package org.corpuskit.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.jobs.pipeline.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code corpus show}: a few documents of a run, for a person to read: kept or rejected by a stage, of a
 * language. The same documents every time (ordered by a hash of their doc_id), spread over the dataset.
 */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Prints documents of a run for review: URL, reason, language, length and signals, and the "
        + "start of the text, wrapped.")
final class ShowCommand implements Callable<Integer> {
  /** The stages whose datasets hold documents with their text, last first. */
  private static final List<String> STAGES = List.of("decontaminate", "dedup", "filter", "extract");
  /** Signals printed when present: the ones rules use most. */
  private static final List<String> SIGNALS = List.of("lang_score", "quality", "word_count", "mean_word_length",
      "stop_words", "dup_line_char_frac", "alpha_words_ratio", "bad_words_ratio");

  @Parameters(paramLabel = "OUT", description = "A run's --out.")
  String run;

  @Option(names = "--stage", paramLabel = "STAGE", description = "extract, filter, dedup or decontaminate; "
      + "default the last of them the run wrote.")
  String stage;

  @Option(names = "--rejected", arity = "0..1", fallbackValue = "", paramLabel = "REASON",
      description = "Documents the stage rejected, for REASON (a rule, or a duplicate kind) or any.")
  String rejected;

  @Option(names = "--lang", paramLabel = "L", description = "Documents of language L (the detected one where "
      + "the filter ran, else the page's own).")
  String lang;

  @Option(names = {"-n", "--count"}, defaultValue = "5", paramLabel = "N", description = "How many; default "
      + "${DEFAULT-VALUE}.")
  int count;

  @Option(names = "--width", defaultValue = "100", paramLabel = "COLUMNS", description = "Line width; default "
      + "${DEFAULT-VALUE}.")
  int width;

  @Option(names = "--lines", defaultValue = "8", paramLabel = "N", description = "Lines of text a document; "
      + "default ${DEFAULT-VALUE}.")
  int lines;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() throws java.io.IOException {
    if (count < 1 || width < 20 || lines < 1) {
      throw new UsageException("-n, --lines must be at least 1 and --width at least 20");
    }
    return PipelineLauncher.inSession(config.load(List.of()), spark -> {
      String chosen = stage != null ? stage : lastStage(spark);
      if (!STAGES.contains(chosen)) {
        throw new UsageException("--stage " + chosen + ": give one of " + String.join(", ", STAGES));
      }
      String dataset = new Path(new Path(run, chosen), rejected == null ? "documents" : "rejected").toString();
      Dataset<Row> docs = select(ExportCommand.read(spark, dataset));
      List<Row> shown = docs.orderBy(xxhash64(col("doc_id")), col("doc_id")).limit(count).collectAsList();
      long total = docs.count();
      System.out.printf("%s: %,d %s%s%s; showing %d%n", dataset, total, total == 1 ? "document" : "documents",
          rejected == null || rejected.isEmpty() ? "" : " rejected for " + rejected,
          lang == null ? "" : " in " + lang, shown.size());
      shown.forEach(row -> print(row, docs.schema()));
      return 0;
    });
  }

  private Dataset<Row> select(Dataset<Row> docs) {
    Dataset<Row> selected = docs;
    if (rejected != null && !rejected.isEmpty()) {
      selected = selected.filter(col("reason").equalTo(rejected));
    }
    if (lang != null) {
      selected = selected.filter(langColumn(selected.schema()).equalTo(lang));
    }
    return selected;
  }

  private String lastStage(SparkSession spark) {
    for (String candidate : STAGES) {
      Path marker = new Path(new Path(run, candidate), "_COMPLETE.json");
      try {
        if (marker.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(marker)) {
          return candidate;
        }
      } catch (java.io.IOException e) {
        throw new UsageException(run + ": cannot read it: " + e.getMessage());
      }
    }
    throw new UsageException(run + " holds no finished stage with documents: name a run's --out");
  }

  private static org.apache.spark.sql.Column langColumn(StructType schema) {
    return has(schema, "signals") && has((StructType) schema.apply("signals").dataType(), "lang")
        ? col("signals.lang") : col("lang_declared");
  }

  private static boolean has(StructType schema, String field) {
    return List.of(schema.fieldNames()).contains(field);
  }

  private void print(Row row, StructType schema) {
    System.out.println("-".repeat(width));
    System.out.println(row.getAs("doc_id") + "  " + row.getAs("url"));
    List<String> facts = new ArrayList<>();
    if (has(schema, "reason")) {
      facts.add("reason " + row.getAs("reason"));
    }
    if (has(schema, "duplicate_of") && row.getAs("duplicate_of") != null) {
      facts.add("duplicate of " + row.getAs("duplicate_of"));
    }
    String text = row.getAs("text");
    facts.add(String.format("%,d characters", text.length()));
    if (has(schema, "signals")) {
      Row signals = row.getAs("signals");
      StructType fields = (StructType) schema.apply("signals").dataType();
      if (has(fields, "lang")) {
        facts.add("lang " + signals.getAs("lang"));
      }
      for (String signal : SIGNALS) {
        if (has(fields, signal) && signals.getAs(signal) != null) {
          Object value = signals.getAs(signal);
          facts.add(signal + " " + (value instanceof Double d ? String.format("%.3f", d) : value));
        }
      }
    } else if (has(schema, "lang_declared") && !"".equals(row.getAs("lang_declared"))) {
      facts.add("lang_declared " + row.getAs("lang_declared"));
    }
    System.out.println(String.join("  ", facts));
    wrap(text).stream().limit(lines).forEach(line -> System.out.println("  " + line));
  }

  /** The text's lines wrapped at word boundaries to the width, blank lines dropped. */
  private List<String> wrap(String text) {
    List<String> out = new ArrayList<>();
    int room = width - 2;
    for (String paragraph : text.split("\n")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        if (line.length() > 0 && line.length() + 1 + word.length() > room) {
          out.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        // A word longer than a line (text in a script without spaces) is cut into lines of its own.
        int[] points = word.codePoints().toArray();
        for (int start = 0; start < points.length; start += room) {
          if (start > 0) {
            out.add(line.toString());
            line.setLength(0);
          }
          line.append(new String(points, start, Math.min(room, points.length - start)));
        }
      }
      if (line.length() > 0) {
        out.add(line.toString());
      }
    }
    return out;
  }
}

package org.corpuskit.decontaminate;

import java.nio.charset.Charset;
import java.util.List;

/**
 * A benchmark to decontaminate against, as written on the command line and in the configuration:
 * {@code NAME=PATH[:OPTIONS]}, where OPTIONS is a preset name ({@code gsm8k}) or comma-separated settings:
 * {@code preset=P}, {@code fields=A+B.C+D} (a {@link Layout}'s fields, such as {@code question+choices[gold]} or
 * {@code question+answer.0}), {@code records=PATH} (where the records
 * are in a whole-file JSON document), {@code format=F} (when the file names do not say it) and
 * {@code encoding=E} (how to read lines that are not UTF-8, such as {@code windows-1252}). Examples:
 * {@code gsm8k=/data/gsm8k/test.jsonl:gsm8k}, {@code mine=s3://bucket/evals/:fields=prompt+reference},
 * {@code squad=dev-v2.0.json:squad}.
 *
 * <p>PATH is a file or a folder (every file under it whose name gives its format). With neither a preset nor
 * fields, every text value of a record is the test text.
 *
 * @param name the benchmark's name in the report and the matches
 * @param path the file or folder
 * @param preset a preset name from {@link Presets}, or empty
 * @param fields the fields of the test text, or empty for the preset's (or every text value)
 * @param records the path to the records in a whole-file JSON document, or empty
 * @param format a {@link BenchmarkFormat} name, or empty to go by file names
 * @param encoding the encoding of lines that are not valid UTF-8, or empty: then such a line is an error
 */
public record BenchmarkSpec(String name, String path, String preset, List<String> fields, String records,
    String format, String encoding) {
  private static final List<String> SETTINGS = List.of("preset", "fields", "records", "format", "encoding");

  public BenchmarkSpec {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("a benchmark name is letters, digits, '_', '-' and '.', got '" + name + "'");
    }
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("benchmark " + name + " has no path");
    }
    fields = List.copyOf(fields);
    if (!preset.isEmpty()) {
      Presets.layouts(preset);
    }
    if (!preset.isEmpty() && !fields.isEmpty()) {
      throw new IllegalArgumentException("benchmark " + name + ": give a preset or fields, not both");
    }
    if (!format.isEmpty()) {
      BenchmarkFormat.named(format);
    }
    new Layout(fields, records, false, Shape.AS_IS);
    if (!encoding.isEmpty() && !isCharset(encoding)) {
      throw new IllegalArgumentException("benchmark " + name + ": no encoding named '" + encoding + "' (try "
          + "windows-1252, ISO-8859-1, x-MacRoman)");
    }
  }

  private static boolean isCharset(String name) {
    try {
      return Charset.isSupported(name);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Parses {@code NAME=PATH[:OPTIONS]}. */
  public static BenchmarkSpec parse(String spec) {
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
    int equals = spec.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("a benchmark is NAME=PATH[:PRESET or :fields=A+B,...], got '" + spec + "'");
    }
    String name = spec.substring(0, equals);
    String rest = spec.substring(equals + 1);
    int colon = rest.lastIndexOf(':');
    String options = colon < 0 ? "" : rest.substring(colon + 1);
    if (!isOptions(options)) {
      return new BenchmarkSpec(name, rest, "", List.of(), "", "", "");
    }
    String path = rest.substring(0, colon);
    if (!options.contains("=")) {
      return new BenchmarkSpec(name, path, options, List.of(), "", "", "");
    }
    String preset = "";
    List<String> fields = List.of();
    String records = "";
    String format = "";
    String encoding = "";
    for (String setting : options.split(",")) {
      String[] kv = setting.split("=", 2);
      if (kv.length != 2 || !SETTINGS.contains(kv[0])) {
        String nearest = SETTINGS.stream().min(java.util.Comparator.comparingInt(s -> distance(s, kv[0])))
            .orElseThrow();
        throw new IllegalArgumentException("benchmark " + name + ": '" + setting + "' is not one of "
            + String.join("=, ", SETTINGS) + "=" + (distance(nearest, kv[0]) <= 2 ? "; did you mean " + nearest
            + "=?" : ""));
      }
      switch (kv[0]) {
        case "preset" -> preset = kv[1];
        case "fields" -> fields = List.of(kv[1].split("\\+"));
        case "records" -> records = kv[1];
        case "format" -> format = kv[1];
        default -> encoding = kv[1];
      }
    }
    return new BenchmarkSpec(name, path, preset, fields, records, format, encoding);
  }

  /**
   * Whether the text after the last colon is options rather than part of the path: a preset-like word, or
   * settings. A URI's {@code //host/...} and a path's own colons never look like either.
   */
  private static boolean isOptions(String tail) {
    if (tail.isEmpty() || tail.contains("/")) {
      return false;
    }
    // A word=value tail is taken as settings, so that a misspelt one is named rather than read as a path.
    return tail.matches("[a-z0-9][a-z0-9_-]*") || tail.matches("[a-z][a-z_]*=.*");
  }

  /** The edit distance of two short words, for suggestions. */
  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0
            : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }

  /** The layouts files are tried against, in order. */
  public List<Layout> layouts() {
    if (!preset.isEmpty()) {
      return Presets.layouts(preset);
    }
    return List.of(new Layout(fields, records, false, Shape.AS_IS));
  }

  /** The encoding of lines that are not UTF-8: the spec's, else its preset's (MMLU has Mac OS Roman lines). */
  public String fallbackEncoding() {
    return encoding.isEmpty() && !preset.isEmpty() ? Presets.encoding(preset) : encoding;
  }

  /** The spec as parsed back by {@link #parse}. */
  @Override
  public String toString() {
    StringBuilder options = new StringBuilder();
    if (!fields.isEmpty()) {
      options.append("fields=").append(String.join("+", fields));
    }
    if (!records.isEmpty()) {
      options.append(options.isEmpty() ? "" : ",").append("records=").append(records);
    }
    if (!format.isEmpty()) {
      options.append(options.isEmpty() ? "" : ",").append("format=").append(format);
    }
    if (!encoding.isEmpty()) {
      options.append(options.isEmpty() ? "" : ",").append("encoding=").append(encoding);
    }
    if (!preset.isEmpty()) {
      options.insert(0, options.isEmpty() ? preset : "preset=" + preset + ",");
    }
    return name + "=" + path + (options.isEmpty() ? "" : ":" + options);
  }
}

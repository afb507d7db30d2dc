package org.corpuskit.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.corpuskit.jobs.config.ConfigLoader;
import org.corpuskit.jobs.config.PipelineConfig;
import picocli.CommandLine.Option;

/**
 * The configuration options every pipeline command shares: a YAML file, {@code --set} overrides and the Spark
 * master. Precedence: defaults, the file, the command's shorthands (see {@link Shorthand}), then
 * {@code --set}.
 */
public final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file; see `corpus config`.")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Overrides one key, such as --set extract.max_depth=256 (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--master", paramLabel = "URL", description = "Shorthand for spark.master.")
  String master;

  @Option(names = "--ui", description = "Turns Spark's web UI on (off in local runs by default) and prints its "
      + "address; shorthand for spark.conf.spark.ui.enabled=true.")
  boolean ui;

  /** The effective configuration; {@code extra} are assignments the command itself makes (its --input). */
  public PipelineConfig load(List<String> extra) {
    List<String> overrides = new ArrayList<>();
    assign(overrides, "spark.master", master);
    if (ui) {
      overrides.add("spark.conf.spark.ui.enabled=true");
    }
    overrides.addAll(extra);
    overrides.addAll(sets);
    return ConfigLoader.load(file, overrides);
  }

  /**
   * Adds {@code key=value} to {@code sets} as {@code --set} reads it: a text quoted, a list as a YAML list of
   * quoted texts, anything else as it prints; nothing for null or an empty list.
   */
  static void assign(List<String> sets, String key, Object value) {
    if (value instanceof List<?> list) {
      if (!list.isEmpty()) {
        sets.add(key + "=[" + String.join(", ", list.stream().map(v -> quoted(String.valueOf(v))).toList()) + "]");
      }
    } else if (value instanceof String text) {
      sets.add(key + "=" + quoted(text));
    } else if (value != null) {
      sets.add(key + "=" + value);
    }
  }

  /** A text value as a YAML double-quoted scalar, so that a path like {@code a:b} or {@code *.gz} stays text. */
  static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

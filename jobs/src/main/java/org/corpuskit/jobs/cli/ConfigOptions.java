package org.corpuskit.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.corpuskit.jobs.config.ConfigLoader;
import org.corpuskit.jobs.config.PipelineConfig;
import picocli.CommandLine.Option;

/**
 * The configuration options every pipeline command shares: a YAML file, {@code --set} overrides, and the
 * shorthands for keys used often. Precedence: defaults, the file, the shorthands, then {@code --set}.
 */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file; see `corpus config`.")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Overrides one key, such as --set extract.max_depth=256 (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--master", paramLabel = "URL", description = "Shorthand for spark.master.")
  String master;

  @Option(names = "--source", paramLabel = "LABEL", description = "Shorthand for extract.source.")
  String source;

  @Option(names = "--cc-base", paramLabel = "URI", description = "Shorthand for input.cc_base.")
  String ccBase;

  @Option(names = "--max-files", paramLabel = "N", description = "Shorthand for input.max_files.")
  Integer maxFiles;

  @Option(names = "--max-payload-mb", paramLabel = "MB", description = "Shorthand for extract.max_payload_mb.")
  Integer maxPayloadMb;

  @Option(names = "--max-depth", paramLabel = "N", description = "Shorthand for extract.max_depth.")
  Integer maxDepth;

  /** The effective configuration; {@code extra} are assignments the command itself makes (its --input). */
  PipelineConfig load(List<String> extra) {
    List<String> overrides = new ArrayList<>();
    shorthand(overrides, "spark.master", master);
    shorthand(overrides, "extract.source", source);
    shorthand(overrides, "input.cc_base", ccBase);
    shorthand(overrides, "input.max_files", maxFiles);
    shorthand(overrides, "extract.max_payload_mb", maxPayloadMb);
    shorthand(overrides, "extract.max_depth", maxDepth);
    overrides.addAll(extra);
    overrides.addAll(sets);
    return ConfigLoader.load(file, overrides);
  }

  private static void shorthand(List<String> overrides, String key, Object value) {
    if (value instanceof String s) {
      overrides.add(key + "=" + quoted(s));
    } else if (value != null) {
      overrides.add(key + "=" + value);
    }
  }

  /** A text value as a YAML double-quoted scalar, so that a path like {@code a:b} or {@code *.gz} stays text. */
  static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

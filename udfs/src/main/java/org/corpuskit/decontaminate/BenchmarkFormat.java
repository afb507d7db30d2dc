package org.corpuskit.decontaminate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats benchmarks are read from, each known by its file name ending, with or without a compressor's
 * ending (.gz, .bz2, .xz, .zst): the compression itself is known from the bytes.
 */
public enum BenchmarkFormat {
  /** One JSON record per line. */
  JSONL(".jsonl", ".ndjson"),
  /** One JSON document: an array of records, one record, or records under a path; JSON lines are also taken. */
  JSON(".json"),
  /**
   * Comma-separated values (or semicolon- or tab-separated, as the first row shows), RFC 4180 quoting; a header
   * row unless the fields are column positions.
   */
  CSV(".csv"),
  /** Tab-separated values, as CSV. */
  TSV(".tsv"),
  /** Plain text, one item per non-blank line. */
  TEXT(".txt"),
  /** Apache Parquet, read by Spark. */
  PARQUET(".parquet");

  private final String[] endings;

  BenchmarkFormat(String... endings) {
    this.endings = endings;
  }

  /** The format a file name says, ignoring a compressor's ending; empty when it says none. */
  public static Optional<BenchmarkFormat> of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|gzip|bz2|xz|zst|zstd)$", "");
    for (BenchmarkFormat format : values()) {
      for (String ending : format.endings) {
        if (name.endsWith(ending)) {
          return Optional.of(format);
        }
      }
    }
    return Optional.empty();
  }

  /** The format named {@code name} (jsonl, json, csv, tsv, text or parquet). */
  public static BenchmarkFormat named(String name) {
    return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("format must be one of jsonl, json, csv, tsv, text, "
            + "parquet, got '" + name + "'"));
  }
}

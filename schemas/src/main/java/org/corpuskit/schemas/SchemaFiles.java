package org.corpuskit.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The schemas of every dataset the job reads or writes, as Spark's JSON schema format with a {@code description}
 * in each field's metadata. Spark loads them with {@code DataType.fromJson}; notebooks with
 * {@code StructType.fromJson(json.load(...))}. Thread-safe.
 */
public final class SchemaFiles {
  /** Names of the datasets, each with {@code schemas/<name>.json} on the class path. */
  public static final List<String> NAMES =
      List.of("documents", "errors", "rejected", "file_summaries", "warc_records", "signals", "dedup_index",
          "clusters", "cluster_sizes", "matches", "common_ngrams", "tokenized", "untokenized", "mixed", "sampled_out",
          "shards");

  private SchemaFiles() {}

  /** The JSON text of a dataset's schema. */
  public static String json(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("no schema named '" + name + "'; known: " + NAMES);
    }
    try (InputStream in = SchemaFiles.class.getResourceAsStream("/schemas/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("schemas/" + name + ".json is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

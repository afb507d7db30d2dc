package org.corpuskit.tools;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.util.List;
import org.apache.spark.sql.Column;

/** The documents schema's columns for generated rows of (id, text), as pages of bench.example. */
final class GeneratedDocuments {
  private GeneratedDocuments() {}

  /** Every column of the documents schema, in its order, the source given by {@code source}. */
  static List<Column> columns(Column source) {
    return List.of(
        sha2(col("id").cast("string"), 256).as("doc_id"),
        concat(lit("https://bench.example/"), col("id")).as("url"),
        lit("bench.example").as("host"), lit("bench.example").as("registered_domain"),
        lit("CC-BENCH").as("crawl"), expr("timestamp'2024-05-22 08:00:00'").as("fetch_time"),
        lit("bench").as("warc_file"), col("id").as("warc_offset"), lit("text/html").as("content_type"),
        lit("UTF-8").as("charset"), lit(0).as("invalid_bytes"), lit(200).as("http_status"),
        lit("en").as("lang_declared"), lit("").as("title"), col("text"), source.as("source"),
        lit("bench").as("extractor"), lit(false).as("truncated"));
  }
}

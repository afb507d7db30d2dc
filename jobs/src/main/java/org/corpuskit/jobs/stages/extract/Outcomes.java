package org.corpuskit.jobs.stages.extract;

import java.sql.Timestamp;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.archive.ArchivePage;
import org.corpuskit.archive.FileSummary;
import org.corpuskit.archive.ReadEvent;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.RowBuilder;

/**
 * The rows that flow between the reading and extraction stages: one per page, failure, rejection or file
 * summary, with {@code kind} naming which of the struct columns is set. Keeping them in one dataset lets one
 * pass over the archives feed every output, and lets the counts be checked against each other.
 */
final class Outcomes {
  static final String PAGE = "page";
  static final String DOCUMENT = "document";
  static final String ERROR = "error";
  static final String REJECTED = "rejected";
  static final String SUMMARY = "summary";
  /** Which kind of outcome row each dataset of the stage is written from. */
  static final Map<String, String> KIND_OF_DATASET = Map.of("documents", DOCUMENT, "rejected", REJECTED,
      "errors", ERROR, "file_summaries", SUMMARY);

  /** A page as read, before extraction: payload holds the HTML (or WET text) bytes, not yet decoded. */
  static final StructType PAGE_TYPE = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("record_id", DataTypes.StringType, false)
      .add("url", DataTypes.StringType, false)
      .add("fetch_time", DataTypes.TimestampType, true)
      .add("warc_file", DataTypes.StringType, false)
      .add("warc_offset", DataTypes.LongType, false)
      .add("content_type", DataTypes.StringType, false)
      .add("http_content_type", DataTypes.StringType, false)
      .add("http_status", DataTypes.IntegerType, false)
      .add("kind", DataTypes.StringType, false)
      .add("payload", DataTypes.BinaryType, false)
      .add("truncated", DataTypes.BooleanType, false)
      .add("crawl", DataTypes.StringType, false)
      .add("identified_language", DataTypes.StringType, false);

  static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add(PAGE, PAGE_TYPE, true)
      .add(DOCUMENT, Schemas.DOCUMENTS, true)
      .add(ERROR, Schemas.ERRORS, true)
      .add(REJECTED, Schemas.REJECTED, true)
      .add(SUMMARY, Schemas.FILE_SUMMARIES, true);

  private Outcomes() {}

  static Row page(ArchivePage p) {
    Row page = RowFactory.create(p.docId(), p.recordId(), p.url(), timestamp(p.fetchTimeMillis()), p.warcFile(),
        p.offset(), p.contentType(), p.httpContentType(), p.httpStatus(), p.kind().name().toLowerCase(), p.payload(),
        p.truncated(), p.crawl(), p.identifiedLanguage());
    return RowFactory.create(PAGE, page, null, null, null, null);
  }

  static Row readFailure(String file, ReadEvent.Failure f) {
    return error(file, f.offset(), "read", f.reason().label(), f.message(), "");
  }

  static Row error(String file, long offset, String stage, String reason, String message, String url) {
    Row error = new RowBuilder(Schemas.ERRORS).set("file", file).set("offset", offset).set("stage", stage)
        .set("reason", reason).set("message", message).set("url", url).build();
    return RowFactory.create(ERROR, null, null, error, null, null);
  }

  static Row document(Row document) {
    return RowFactory.create(DOCUMENT, null, document, null, null, null);
  }

  /**
   * A field of a page row by name. Rows built in this job carry no schema until Spark encodes them, and the
   * read and extract stages are pipelined without that step, so fields are found through {@link #PAGE_TYPE}.
   */
  @SuppressWarnings("unchecked")
  static <T> T pageField(Row page, String name) {
    return (T) page.get(PAGE_TYPE.fieldIndex(name));
  }

  static Row rejected(Row page, String stage, String reason) {
    Row rejected = new RowBuilder(Schemas.REJECTED).set("doc_id", pageField(page, "doc_id"))
        .set("url", pageField(page, "url")).set("warc_file", pageField(page, "warc_file"))
        .set("warc_offset", pageField(page, "warc_offset")).set("stage", stage).set("reason", reason).build();
    return RowFactory.create(REJECTED, null, null, null, rejected, null);
  }

  static Row summary(FileSummary s) {
    Row summary = RowFactory.create(s.file(), s.records(), s.pages(), s.skipped(), s.failed(),
        scala.jdk.javaapi.CollectionConverters.asScala(s.recordTypes()),
        scala.jdk.javaapi.CollectionConverters.asScala(s.outcomes()));
    return RowFactory.create(SUMMARY, null, null, null, null, summary);
  }

  static Timestamp timestamp(long millis) {
    return millis < 0 ? null : new Timestamp(millis);
  }
}

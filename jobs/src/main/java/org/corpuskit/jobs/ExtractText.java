package org.corpuskit.jobs;

import java.io.Serializable;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.corpuskit.text.CharsetDecoder;
import org.corpuskit.text.UrlParts;
import org.corpuskit.extract.Extraction;
import org.corpuskit.extract.MainContentExtractor;

/**
 * Stage: page rows to document rows. HTML goes through {@link MainContentExtractor}; WET text is kept as it is.
 * A page that leaves no text is rejected ({@code empty_text}); one whose extraction throws becomes an error
 * ({@code extract_failed}). Other rows pass through, so every page is accounted for exactly once.
 */
final class ExtractText implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String WET_EXTRACTOR = "wet";

  private final String source;
  private final int maxDepth;

  ExtractText(String source, int maxDepth) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    this.source = source;
    this.maxDepth = maxDepth;
    new MainContentExtractor(maxDepth); // validates maxDepth on the driver, before any task runs
  }

  Dataset<Row> apply(Dataset<Row> outcomes) {
    Schemas.require("extract-text", outcomes, Outcomes.SCHEMA);
    String label = source;
    int depth = maxDepth;
    return outcomes.map((MapFunction<Row, Row>) row -> {
      if (!Outcomes.PAGE.equals(row.getString(0))) {
        return row;
      }
      return extract(row.getStruct(1), label, new MainContentExtractor(depth));
    }, Encoders.row(Outcomes.SCHEMA));
  }

  static Row extract(Row page, String source, MainContentExtractor extractor) {
    String url = Outcomes.pageField(page, "url");
    String httpContentType = Outcomes.pageField(page, "http_content_type");
    CharsetDecoder.Decoded decoded = CharsetDecoder.decode(Outcomes.pageField(page, "payload"),
        httpContentType.isEmpty() ? null : httpContentType);
    String title;
    String text;
    String lang;
    String extractorName;
    try {
      if ("text".equals(Outcomes.pageField(page, "kind"))) {
        title = "";
        text = decoded.text().strip();
        lang = "";
        extractorName = WET_EXTRACTOR;
      } else {
        Extraction extraction = extractor.extract(decoded.text(), url);
        title = extraction.title();
        text = extraction.text();
        lang = extraction.lang();
        extractorName = MainContentExtractor.VERSION;
      }
    } catch (RuntimeException | StackOverflowError e) {
      return Outcomes.error(Outcomes.pageField(page, "warc_file"), Outcomes.pageField(page, "warc_offset"), "extract",
          "extract_failed", e.getClass().getSimpleName() + ": " + e.getMessage(), url);
    }
    if (text.isBlank()) {
      return Outcomes.rejected(page, "extract", "empty_text");
    }
    String host = UrlParts.host(url);
    String warcFile = Outcomes.pageField(page, "warc_file");
    Row document = RowFactory.create(Outcomes.pageField(page, "doc_id"), url, host, UrlParts.registeredDomain(host),
        Inputs.crawlOf(warcFile), Outcomes.pageField(page, "fetch_time"), warcFile, Outcomes.pageField(page, "warc_offset"),
        Outcomes.pageField(page, "content_type"), decoded.charset(), Outcomes.pageField(page, "http_status"), lang, title, text, source,
        extractorName, Outcomes.pageField(page, "truncated"));
    return Outcomes.document(document);
  }
}

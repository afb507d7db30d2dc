package org.corpuskit.jobs.stages.extract;

import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corpuskit.jobs.io.Inputs;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.PerTask;
import org.corpuskit.jobs.pipeline.RowBuilder;
import org.corpuskit.extract.Extraction;
import org.corpuskit.extract.MainContentExtractor;
import org.corpuskit.extract.ScriptAndStyleContent;
import org.corpuskit.jobs.config.ExtractConfig;
import org.corpuskit.text.CharsetDecoder;
import org.corpuskit.text.LanguageCodes;
import org.corpuskit.text.UrlParts;

/**
 * Page rows to document rows. HTML goes through {@link MainContentExtractor}, built once per task; WET text is
 * kept as it is. A page whose only text is navigation, pagination or a legal line is rejected
 * ({@code boilerplate_only}), one that leaves no text too ({@code empty_text}); one whose extraction throws
 * becomes an error ({@code extract_failed}). Other rows pass through, so every page is accounted for once.
 */
final class ExtractText implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String WET_EXTRACTOR = "wet";

  private final String source;
  private final int maxDepth;
  private final UrlParts.Suffixes suffixes;

  ExtractText(ExtractConfig config) {
    this.source = config.source();
    this.maxDepth = config.maxDepth();
    this.suffixes = config.suffixes();
  }

  Dataset<Row> apply(Dataset<Row> outcomes) {
    Schemas.require("extract-text", outcomes, Outcomes.SCHEMA);
    ExtractText settings = this;
    return PerTask.map(outcomes, Outcomes.SCHEMA, () -> new MainContentExtractor(settings.maxDepth),
        (extractor, row) -> Outcomes.PAGE.equals(row.getString(0)) ? settings.extract(row.getStruct(1), extractor)
            : row);
  }

  /** The crawl the file's warcinfo names, else the one in its path (crawl-data/CC-MAIN-...), else empty. */
  static String crawl(String declared, String warcFile) {
    return declared.isEmpty() ? Inputs.crawlOf(warcFile) : declared;
  }

  Row extract(Row page, MainContentExtractor extractor) {
    String url = Outcomes.pageField(page, "url");
    String httpContentType = Outcomes.pageField(page, "http_content_type");
    String warcFile = Outcomes.pageField(page, "warc_file");
    String contentType = httpContentType.isEmpty() ? null : httpContentType;
    byte[] payload = Outcomes.pageField(page, "payload");
    boolean html = !"text".equals(Outcomes.pageField(page, "kind"));
    // The extractor never reads scripts and styles: leaving them out before decoding saves decoding and parsing
    // about half of a page's bytes.
    CharsetDecoder.Decoded decoded = CharsetDecoder.decode(
        html ? ScriptAndStyleContent.removed(payload, contentType) : payload, contentType);
    String title = "";
    String text;
    String lang = "";
    String extractorName = WET_EXTRACTOR;
    boolean boilerplateOnly = false;
    try {
      if (!html) {
        text = decoded.text().strip();
        lang = LanguageCodes.primary(Outcomes.pageField(page, "identified_language"));
      } else {
        Extraction extraction = extractor.extract(decoded.text(), url);
        title = extraction.title();
        text = extraction.text();
        lang = LanguageCodes.primary(extraction.lang());
        extractorName = MainContentExtractor.VERSION;
        boilerplateOnly = extraction.boilerplateOnly();
      }
    } catch (RuntimeException | StackOverflowError e) {
      return Outcomes.error(warcFile, Outcomes.pageField(page, "warc_offset"), "extract", "extract_failed",
          e.getClass().getSimpleName() + ": " + e.getMessage(), url);
    }
    if (boilerplateOnly) {
      return Outcomes.rejected(page, "extract", "boilerplate_only");
    }
    if (text.isBlank()) {
      return Outcomes.rejected(page, "extract", "empty_text");
    }
    String host = UrlParts.host(url);
    return Outcomes.document(new RowBuilder(Schemas.DOCUMENTS)
        .set("doc_id", Outcomes.pageField(page, "doc_id"))
        .set("url", url)
        .set("host", host)
        .set("registered_domain", UrlParts.registeredDomain(host, suffixes))
        .set("crawl", crawl(Outcomes.pageField(page, "crawl"), warcFile))
        .set("fetch_time", Outcomes.pageField(page, "fetch_time"))
        .set("warc_file", warcFile)
        .set("warc_offset", Outcomes.pageField(page, "warc_offset"))
        .set("content_type", Outcomes.pageField(page, "content_type"))
        .set("charset", decoded.charset())
        .set("invalid_bytes", decoded.invalidBytes())
        .set("http_status", Outcomes.pageField(page, "http_status"))
        .set("lang_declared", lang)
        .set("title", title)
        .set("text", text)
        .set("source", source)
        .set("extractor", extractorName)
        .set("truncated", Outcomes.pageField(page, "truncated"))
        .build());
  }
}

package org.corpuskit.archive;

import org.corpuskit.text.CharsetDecoder;

/**
 * A page read from a web archive, before text extraction.
 *
 * @param docId stable document id, see {@link DocIds}
 * @param recordId the WARC-Record-ID of the capture (for WET, of the response it was converted from), or empty
 * @param url the captured URL
 * @param fetchTimeMillis capture time, milliseconds since the epoch, or -1 when the record has none
 * @param warcFile the archive file the record was read from
 * @param offset byte offset of the record in that file (of its gzip member when compressed)
 * @param contentType the payload's media type without parameters, lower case
 * @param httpContentType the Content-Type header as sent, which may name a charset; empty when absent
 * @param httpStatus the HTTP status, or -1 for records with no HTTP response (WET conversions, resources)
 * @param kind {@link Kind#HTML} to extract text from, {@link Kind#TEXT} when the text is already extracted
 * @param payload the payload bytes, with transfer and content encodings undone but not yet decoded to text:
 *     decoding is the extractor's work, so reading stays as fast as parsing allows
 * @param truncated true when the payload was cut, by the crawler or at this reader's size limit
 * @param crawl the {@code isPartOf} of the file's warcinfo record before this page (Common Crawl writes the crawl
 *     there, e.g. {@code CC-MAIN-2024-22}), or empty when the file has none
 * @param identifiedLanguage the record's WARC-Identified-Content-Language as written, e.g. {@code eng,fra} (Common
 *     Crawl's WET conversions carry it), or empty
 */
public record ArchivePage(
    String docId,
    String recordId,
    String url,
    long fetchTimeMillis,
    String warcFile,
    long offset,
    String contentType,
    String httpContentType,
    int httpStatus,
    Kind kind,
    byte[] payload,
    boolean truncated,
    String crawl,
    String identifiedLanguage) {

  /** The payload as text, with the charset chosen by {@link CharsetDecoder}. */
  public CharsetDecoder.Decoded decoded() {
    return CharsetDecoder.decode(payload, httpContentType.isEmpty() ? null : httpContentType);
  }

  /** Whether {@link #content} is markup or already plain text. */
  public enum Kind { HTML, TEXT }
}

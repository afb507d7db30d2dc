package org.corpuskit.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/**
 * Builds WARC records and HTTP responses byte by byte, including malformed ones, for the sample crawl and for
 * tests. Thread-safe.
 */
public final class WarcBytes {
  private WarcBytes() {}

  /**
   * A WARC/1.0 record: header, block, and the two CRLFs after it.
   *
   * @param url the WARC-Target-URI, or null for none
   */
  public static byte[] record(String type, String recordId, Instant date, String url, String contentType, byte[] block,
      String... extraHeaders) {
    StringBuilder header = new StringBuilder("WARC/1.0\r\n")
        .append("WARC-Type: ").append(type).append("\r\n")
        .append("WARC-Record-ID: <").append(recordId).append(">\r\n")
        .append("WARC-Date: ").append(date).append("\r\n");
    if (url != null) {
      header.append("WARC-Target-URI: ").append(url).append("\r\n");
    }
    for (String extra : extraHeaders) {
      header.append(extra).append("\r\n");
    }
    header.append("Content-Type: ").append(contentType).append("\r\n")
        .append("Content-Length: ").append(block.length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(header.length() + block.length + 4);
    out.writeBytes(header.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(block);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** An HTTP/1.1 response with a Content-Length and any extra header lines ({@code "Name: value"}). */
  public static byte[] httpResponse(int status, String contentType, byte[] body, String... extraHeaders) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : " Other")
        .append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    for (String extra : extraHeaders) {
      head.append(extra).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** One gzip member holding {@code bytes}, as WARC files compress each record on its own. */
  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory gzip cannot fail", e);
    }
    return out.toByteArray();
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package org.corpuskit.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.netpreserve.jwarc.MediaType;

/**
 * Maps the records of one file to events: a page for each HTML response, resource or WET conversion (its payload
 * read within the configured bound, its HTTP head parsed, its content encoding undone), a skip with its reason
 * for every other record. A warcinfo record's {@code isPartOf} names the crawl of the pages after it. Not
 * thread-safe: one per reader.
 */
final class RecordPages {
  private static final DateTimeFormatter ARC_DATE =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** Common Crawl's warcinfo blocks are about 500 bytes; this is plenty and bounds a broken one. */
  private static final int WARCINFO_BYTES = 64 * 1024;

  private final String file;
  private final ReaderConfig config;
  /** The isPartOf of the last warcinfo record read, handed to the pages after it. */
  private String crawl = "";

  RecordPages(String file, ReaderConfig config) {
    this.file = file;
    this.config = config;
  }

  /**
   * The event of a record whose header was read. Throws IOException when the archive stream itself breaks inside
   * the record, which needs a resync.
   */
  ReadEvent toEvent(ArchiveRecord record, long offset) throws IOException {
    String type = record.type();
    try {
      switch (type) {
        case "revisit" -> {
          return new ReadEvent.Skipped(offset, type, url(record), SkipReason.REVISIT);
        }
        case "warcinfo" -> {
          crawl = isPartOf(readBounded(record, WARCINFO_BYTES).bytes);
          return new ReadEvent.Skipped(offset, type, url(record), SkipReason.OTHER_RECORD_TYPE);
        }
        case "response" -> {
          return fromResponse(record, offset);
        }
        case "conversion" -> {
          return fromConversion(record, offset);
        }
        case "resource" -> {
          return fromResource(record, offset);
        }
        default -> {
          return new ReadEvent.Skipped(offset, type, url(record), SkipReason.OTHER_RECORD_TYPE);
        }
      }
    } catch (PayloadException e) {
      return new ReadEvent.Failure(offset, e.reason, e.getMessage());
    }
  }

  private ReadEvent fromResponse(ArchiveRecord response, long offset) throws PayloadException, IOException {
    String url = url(response);
    String target = url.toLowerCase(Locale.ROOT);
    if (!target.startsWith("http:") && !target.startsWith("https:")) {
      return new ReadEvent.Skipped(offset, response.type(), url, SkipReason.NOT_HTTP);
    }
    Payload block = readBounded(response, config.maxPayloadBytes() + HttpHead.MAX_HEAD_BYTES);
    HttpHead http;
    try {
      http = HttpHead.parse(block.bytes, block.bytes.length);
    } catch (HttpHead.MalformedException e) {
      throw new PayloadException(FailReason.MALFORMED_HTTP, e.getMessage());
    }
    if (http.status() != 200) {
      return new ReadEvent.Skipped(offset, response.type(), url, SkipReason.HTTP_STATUS);
    }
    String contentType = http.contentType();
    String mediaType = mediaType(contentType);
    if (HtmlSniffer.isNeverHtml(mediaType)) {
      return new ReadEvent.Skipped(offset, response.type(), url, SkipReason.NOT_HTML);
    }
    int bodyEnd = Math.min(block.bytes.length, http.bodyStart() + config.maxPayloadBytes());
    Payload raw = new Payload(Arrays.copyOfRange(block.bytes, http.bodyStart(), bodyEnd),
        block.truncated || bodyEnd < block.bytes.length);
    byte[] body = http.chunked() ? HttpHead.dechunk(raw.bytes) : raw.bytes;
    Payload payload;
    try {
      ContentDecoding.Decoded decoded = ContentDecoding.decode(body, http.contentEncoding(), config.maxPayloadBytes());
      payload = new Payload(decoded.bytes(), raw.truncated || decoded.truncated());
    } catch (IOException | RuntimeException e) {
      throw new PayloadException(FailReason.BAD_CONTENT_ENCODING, FailureText.describe(e));
    }
    return htmlPage(response, offset, contentType, mediaType, payload, 200);
  }

  private ReadEvent fromResource(ArchiveRecord resource, long offset) throws IOException {
    String contentType = resource.header("Content-Type");
    String mediaType = mediaType(contentType);
    if (!HtmlSniffer.isDeclaredHtml(mediaType)) {
      return new ReadEvent.Skipped(offset, resource.type(), url(resource), SkipReason.OTHER_RECORD_TYPE);
    }
    return htmlPage(resource, offset, contentType, mediaType, readBounded(resource, config.maxPayloadBytes()), -1);
  }

  private ReadEvent htmlPage(
      ArchiveRecord record, long offset, String contentType, String mediaType, Payload payload, int status) {
    String url = url(record);
    if (payload.bytes.length == 0) {
      return new ReadEvent.Skipped(offset, record.type(), url, SkipReason.EMPTY_PAYLOAD);
    }
    if (!HtmlSniffer.isHtml(mediaType, payload.bytes)) {
      return new ReadEvent.Skipped(offset, record.type(), url, SkipReason.NOT_HTML);
    }
    String recordId = recordId(record);
    long time = record.dateMillis();
    boolean truncated = payload.truncated || record.header("WARC-Truncated") != null;
    return new ReadEvent.Page(new ArchivePage(docId(recordId, url, time), recordId, url, time, file, offset,
        mediaType.isEmpty() ? "text/html" : mediaType, contentType == null ? "" : contentType, status,
        ArchivePage.Kind.HTML, payload.bytes, truncated, crawl, identifiedLanguage(record)));
  }

  private ReadEvent fromConversion(ArchiveRecord conversion, long offset) throws IOException {
    Payload payload = readBounded(conversion, config.maxPayloadBytes());
    String url = url(conversion);
    if (payload.bytes.length == 0) {
      return new ReadEvent.Skipped(offset, conversion.type(), url, SkipReason.EMPTY_PAYLOAD);
    }
    String refersTo = unwrap(conversion.header("WARC-Refers-To"));
    String recordId = refersTo.isEmpty() ? recordId(conversion) : refersTo;
    long time = conversion.dateMillis();
    return new ReadEvent.Page(new ArchivePage(docId(recordId, url, time), recordId, url, time, file, offset,
        "text/plain", "text/plain; charset=UTF-8", -1, ArchivePage.Kind.TEXT, payload.bytes, payload.truncated, crawl,
        identifiedLanguage(conversion)));
  }

  private record Payload(byte[] bytes, boolean truncated) {}

  /**
   * At most {@code limit} bytes of the record's block; the framer skips the rest. A block of known length is
   * read straight into an array of that size.
   */
  private static Payload readBounded(ArchiveRecord record, int limit) throws IOException {
    ReadableByteChannel body = record.block();
    long size = record.blockRemaining();
    byte[] bytes = new byte[size >= 0 ? (int) Math.min(size, limit) : Math.min(limit, 64 * 1024)];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (true) {
      while (buffer.hasRemaining()) {
        if (body.read(buffer) < 0) {
          int n = buffer.position();
          return new Payload(n == bytes.length ? bytes : Arrays.copyOf(bytes, n), false);
        }
      }
      if (bytes.length == size) {
        return new Payload(bytes, false);
      }
      if (bytes.length >= limit) {
        return new Payload(bytes, body.read(ByteBuffer.allocate(1)) > 0);
      }
      bytes = Arrays.copyOf(bytes, (int) Math.min((long) bytes.length * 2, limit));
      buffer = ByteBuffer.wrap(bytes).position(buffer.position());
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    MediaType type = MediaType.parseLeniently(contentType);
    return (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT).strip();
  }

  /** The value of the warcinfo field {@code isPartOf} (Common Crawl names its crawl there), or empty. */
  private static String isPartOf(byte[] fields) {
    for (String line : new String(fields, StandardCharsets.UTF_8).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("isPartOf")) {
        return line.substring(colon + 1).strip();
      }
    }
    return "";
  }

  private static String identifiedLanguage(ArchiveRecord record) {
    String languages = record.header("WARC-Identified-Content-Language");
    return languages == null ? "" : languages.strip();
  }

  private static String recordId(ArchiveRecord record) {
    String id = record.header("WARC-Record-ID");
    return id == null ? "" : id.strip();
  }

  /** The target URL, without the angle brackets some writers put around it. */
  private static String url(ArchiveRecord record) {
    return unwrap(record.header("WARC-Target-URI"));
  }

  private static String unwrap(String value) {
    if (value == null) {
      return "";
    }
    String stripped = value.strip();
    return stripped.startsWith("<") && stripped.endsWith(">") ? stripped.substring(1, stripped.length() - 1) : stripped;
  }

  private static String docId(String recordId, String url, long time) {
    if (!recordId.isEmpty()) {
      return DocIds.fromRecordId(recordId);
    }
    return DocIds.fromCapture(url, time < 0 ? "" : ARC_DATE.format(Instant.ofEpochMilli(time)));
  }

  private static final class PayloadException extends Exception {
    private static final long serialVersionUID = 1L;
    final FailReason reason;

    PayloadException(FailReason reason, String message) {
      super(message);
      this.reason = reason;
    }
  }
}

package org.corpuskit.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Undoes an HTTP {@code Content-Encoding} (gzip, x-gzip, deflate in its zlib and raw forms, br) with a bound on
 * the decoded size. Archives often hold payloads that a crawler already decoded while keeping the header (the
 * ClueWeb quirk): bytes that do not start like the declared encoding are returned as they are.
 *
 * <p>Thread-safe.
 */
final class ContentDecoding {
  private ContentDecoding() {}

  /** The decoded payload and whether it was cut at {@code limit} bytes. */
  record Decoded(byte[] bytes, boolean truncated) {}

  static Decoded decode(byte[] raw, String contentEncoding, int limit) throws IOException {
    String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    InputStream in = switch (encoding) {
      case "gzip", "x-gzip" -> isGzip(raw) ? new GZIPInputStream(new ByteArrayInputStream(raw)) : null;
      case "deflate" -> isZlib(raw)
          ? new InflaterInputStream(new ByteArrayInputStream(raw))
          : looksLikeText(raw) ? null : new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true));
      case "br" -> looksLikeText(raw) ? null : new BrotliInputStream(new ByteArrayInputStream(raw));
      default -> null;
    };
    if (in == null) {
      return raw.length > limit ? new Decoded(Arrays.copyOf(raw, limit), true) : new Decoded(raw, false);
    }
    try (InputStream decoded = in) {
      byte[] bytes = decoded.readNBytes(limit);
      boolean truncated = decoded.read() >= 0;
      return new Decoded(bytes, truncated);
    }
  }

  private static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private static boolean isZlib(byte[] b) {
    return b.length >= 2 && (b[0] & 0x0f) == 8 && (((b[0] & 0xff) << 8) | (b[1] & 0xff)) % 31 == 0;
  }

  /** A payload that opens with markup or white space was never compressed. */
  private static boolean looksLikeText(byte[] b) {
    for (int i = 0; i < Math.min(b.length, 64); i++) {
      int c = b[i] & 0xff;
      if (c == '<') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xEF && c != 0xBB && c != 0xBF) {
        return false;
      }
    }
    return false;
  }
}

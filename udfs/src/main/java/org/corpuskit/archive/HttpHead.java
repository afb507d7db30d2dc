package org.corpuskit.archive;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The parts of an HTTP response that reading needs, parsed straight from the bytes of a WARC response block:
 * the status, three headers, and where the body starts. Lenient as crawlers' archives require (LF line ends,
 * folded lines, any header case); a status line that is not {@code HTTP/x.y NNN} is malformed. Parsing only
 * this much, on bytes already in memory, costs a fraction of a general HTTP parser.
 *
 * @param status the status code
 * @param contentType the Content-Type value, or null
 * @param contentEncoding the Content-Encoding value, or null
 * @param chunked whether Transfer-Encoding names chunked
 * @param bodyStart offset of the body in the block
 */
record HttpHead(int status, String contentType, String contentEncoding, boolean chunked, int bodyStart) {
  /** The head ends within this many bytes, or the response is malformed. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  /** Thrown for a block that does not start with an HTTP response head. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  static HttpHead parse(byte[] block, int length) throws MalformedException {
    int end = Math.min(length, MAX_HEAD_BYTES);
    int lineEnd = Bytes.indexOf(block, 0, end, (byte) '\n');
    if (lineEnd < 0) {
      throw new MalformedException("no HTTP status line");
    }
    int status = status(block, lineEnd);
    String contentType = null;
    String contentEncoding = null;
    String transferEncoding = null;
    int pos = lineEnd + 1;
    while (true) {
      int next = Bytes.indexOf(block, pos, end, (byte) '\n');
      if (next < 0) {
        if (end == length) {
          return new HttpHead(status, contentType, contentEncoding, isChunked(transferEncoding), length);
        }
        throw new MalformedException("HTTP head longer than " + MAX_HEAD_BYTES + " bytes");
      }
      int lineStop = next > pos && block[next - 1] == '\r' ? next - 1 : next;
      if (lineStop == pos) {
        return new HttpHead(status, contentType, contentEncoding, isChunked(transferEncoding), next + 1);
      }
      int colon = Bytes.indexOf(block, pos, lineStop, (byte) ':');
      if (colon > pos && block[pos] != ' ' && block[pos] != '\t') {
        String name = ascii(block, pos, colon).strip().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-type" -> contentType = first(contentType, value(block, colon + 1, lineStop));
          case "content-encoding" -> contentEncoding = first(contentEncoding, value(block, colon + 1, lineStop));
          case "transfer-encoding" -> transferEncoding = first(transferEncoding, value(block, colon + 1, lineStop));
          default -> { }
        }
      }
      pos = next + 1;
    }
  }

  /**
   * The body with chunked transfer coding undone; a broken chunk ends the body where it breaks. A body that does
   * not open with a chunk-size line was stored already decoded by the crawler and is returned as it is.
   */
  static byte[] dechunk(byte[] body) {
    if (!startsWithChunkSize(body)) {
      return body;
    }
    byte[] out = new byte[body.length];
    int written = 0;
    int pos = 0;
    while (pos < body.length) {
      int lineEnd = Bytes.indexOf(body, pos, body.length, (byte) '\n');
      if (lineEnd < 0) {
        break;
      }
      int size = chunkSize(body, pos, lineEnd);
      if (size <= 0) {
        break;
      }
      int start = lineEnd + 1;
      int n = Math.min(size, body.length - start);
      System.arraycopy(body, start, out, written, n);
      written += n;
      pos = start + n;
      if (pos < body.length && body[pos] == '\r') {
        pos++;
      }
      if (pos < body.length && body[pos] == '\n') {
        pos++;
      }
    }
    return Arrays.copyOf(out, written);
  }

  private static boolean startsWithChunkSize(byte[] body) {
    int i = 0;
    while (i < body.length && Character.digit(body[i], 16) >= 0) {
      i++;
    }
    if (i == 0 || i > 16) {
      return false;
    }
    while (i < body.length && body[i] != '\n') {
      byte b = body[i++];
      if (b != ';' && b != ' ' && b != '\t' && b != '\r' && b < 0x21) {
        return false;
      }
    }
    return i < body.length;
  }

  private static int status(byte[] block, int lineEnd) throws MalformedException {
    String line = ascii(block, 0, lineEnd).strip();
    if (!line.startsWith("HTTP/") || line.length() < 12 || line.charAt(8) != ' ') {
      throw new MalformedException("not an HTTP status line: " + shorten(line));
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        throw new MalformedException("not an HTTP status code: " + shorten(line));
      }
      status = status * 10 + (c - '0');
    }
    if (line.length() > 12 && line.charAt(12) != ' ') {
      throw new MalformedException("not an HTTP status code: " + shorten(line));
    }
    return status;
  }

  private static int chunkSize(byte[] body, int from, int to) {
    int size = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(body[i], 16);
      if (digit < 0) {
        break;
      }
      if (size > (Integer.MAX_VALUE >> 4)) {
        return -1;
      }
      size = size * 16 + digit;
    }
    return size;
  }

  private static boolean isChunked(String transferEncoding) {
    return transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
  }

  private static String first(String current, String value) {
    return current != null ? current : value;
  }

  private static String value(byte[] block, int from, int to) {
    return ascii(block, from, to).strip();
  }

  private static String ascii(byte[] block, int from, int to) {
    return new String(block, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static String shorten(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }

}

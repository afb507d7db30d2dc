package org.corpuskit.archive;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides whether a payload is an HTML page, from its declared media type and its first bytes. A declared type
 * of HTML or XHTML is believed unless the bytes are plainly binary; a missing, generic or text/plain type is
 * overruled when the bytes begin like a page. Thread-safe.
 */
final class HtmlSniffer {
  private static final int SNIFF_BYTES = 1024;

  private HtmlSniffer() {}

  /** Whether a declared media type (lower case, no parameters) can be decided without looking at the bytes. */
  static boolean isNeverHtml(String mediaType) {
    return mediaType.startsWith("image/") || mediaType.startsWith("video/") || mediaType.startsWith("audio/")
        || mediaType.startsWith("font/") || mediaType.equals("application/pdf")
        || mediaType.equals("application/javascript") || mediaType.equals("text/javascript")
        || mediaType.equals("text/css") || mediaType.equals("application/json")
        || mediaType.equals("application/zip");
  }

  static boolean isDeclaredHtml(String mediaType) {
    return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
  }

  static boolean isHtml(String mediaType, byte[] payload) {
    if (isNeverHtml(mediaType) || looksBinary(payload)) {
      return false;
    }
    return isDeclaredHtml(mediaType) || startsLikeHtml(payload);
  }

  static boolean startsLikeHtml(byte[] payload) {
    String head = new String(payload, 0, Math.min(payload.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
        .toLowerCase(Locale.ROOT);
    String start = head.replaceFirst("^(\u00ef\u00bb\u00bf)?\\s*", "");
    if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
        || start.startsWith("<body") || start.startsWith("<!--")) {
      return true;
    }
    return start.startsWith("<?xml") && head.contains("<html");
  }

  /** NUL bytes in the first kilobyte mean binary (or UTF-16, which no crawler serves as HTML). */
  private static boolean looksBinary(byte[] payload) {
    int n = Math.min(payload.length, SNIFF_BYTES);
    boolean utf16Bom = n >= 2 && ((payload[0] & 0xff) == 0xFE || (payload[0] & 0xff) == 0xFF)
        && ((payload[1] & 0xff) == 0xFE || (payload[1] & 0xff) == 0xFF);
    if (utf16Bom) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (payload[i] == 0) {
        return true;
      }
    }
    return false;
  }
}

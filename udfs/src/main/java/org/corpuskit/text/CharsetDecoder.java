package org.corpuskit.text;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes the bytes of a web page to text, choosing the charset as a careful browser would and distrusting
 * labels that the bytes contradict: a byte-order mark first; then the HTTP {@code Content-Type} charset, else the
 * {@code <meta>} one. A label of UTF-8, a single-byte label, or no label at all is settled by the bytes: when
 * they are mostly UTF-8 ({@link #isMostlyUtf8}), the page is UTF-8 and its few invalid bytes become U+FFFD, so
 * one stray byte does not turn a Russian page into mojibake; otherwise the single-byte label is used, or the
 * charset is detected statistically, falling back to windows-1252. Invalid bytes never fail; {@link
 * Decoded#invalidBytes} counts them. Valid UTF-8, the common case, is decoded in a single pass.
 *
 * <p>Thread-safe: static methods on immutable state.
 */
public final class CharsetDecoder {
  /**
   * The result.
   *
   * @param text the decoded text
   * @param charset the name of the charset it was decoded with
   * @param invalidBytes bytes that were not valid in that charset and became U+FFFD
   */
  public record Decoded(String text, String charset, int invalidBytes) {}

  /**
   * At most one invalid byte per this many non-ASCII bytes, and the bytes are UTF-8 with damage. Text in a
   * single-byte charset is the opposite: nearly every non-ASCII byte breaks UTF-8 (an accented letter followed
   * by ASCII is never a valid sequence), so one in ten is far from both.
   */
  static final int NON_ASCII_BYTES_PER_INVALID_BYTE = 10;

  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_CHARSET = Pattern.compile(
      "charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);
  private static final int META_SCAN_BYTES = 4096;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final byte[] ASCII_PROBE = "<script a='b'></style><!-- x=\"y\" -->\t\n?/!".getBytes(
      StandardCharsets.US_ASCII);

  private CharsetDecoder() {}

  /** Decodes {@code bytes}; {@code contentType} is the HTTP header value, or null when there was none. */
  public static Decoded decode(byte[] bytes, String contentType) {
    if (bytes == null) {
      throw new IllegalArgumentException("bytes must not be null");
    }
    Charset bom = bomCharset(bytes);
    if (bom != null) {
      int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
      String text = new String(bytes, skip, bytes.length - skip, bom);
      return new Decoded(text, bom.name(), replacements(text));
    }
    Charset declared = charsetFromHeader(contentType);
    if (declared == null) {
      declared = charsetFromMeta(bytes);
    }
    if (declared != null && !declared.equals(StandardCharsets.UTF_8) && !isSingleByte(declared)) {
      String text = new String(bytes, declared);
      return new Decoded(text, declared.name(), replacements(text));
    }
    // Unlabelled, UTF-8 or single-byte: decode as UTF-8 once, and keep it when the bytes were UTF-8.
    String utf8 = new String(bytes, StandardCharsets.UTF_8);
    if (utf8.indexOf('\uFFFD') < 0) {
      boolean ascii = utf8.length() == bytes.length;
      return new Decoded(utf8, ascii && declared != null ? declared.name() : StandardCharsets.UTF_8.name(), 0);
    }
    Utf8Scan scan = Utf8Scan.of(bytes);
    if (isMostlyUtf8(scan)) {
      return new Decoded(utf8, StandardCharsets.UTF_8.name(), scan.invalidBytes());
    }
    Charset chosen = declared == null || declared.equals(StandardCharsets.UTF_8) ? detect(bytes) : declared;
    String text = new String(bytes, chosen);
    return new Decoded(text, chosen.name(), replacements(text));
  }

  /**
   * Whether the page's bytes can be scanned for ASCII markup (a {@code <}, a tag name, a quote) byte by byte: true
   * unless a byte-order mark or the page's label (HTTP header, else {@code <meta>}) names a charset in which ASCII
   * characters are not single bytes of their own, such as UTF-16, UTF-32, ISO-2022 or EBCDIC. An unlabelled page
   * counts as compatible: without a mark, UTF-16 text has no byte sequence that reads as a tag.
   */
  public static boolean isAsciiCompatible(byte[] bytes, String contentType) {
    Charset bom = bomCharset(bytes);
    if (bom != null) {
      return bom.equals(StandardCharsets.UTF_8);
    }
    Charset declared = charsetFromHeader(contentType);
    if (declared == null) {
      declared = charsetFromMeta(bytes);
    }
    if (declared == null) {
      return true;
    }
    String name = declared.name().toUpperCase(Locale.ROOT);
    return !name.contains("ISO-2022") && !name.startsWith("UTF-7")
        && new String(ASCII_PROBE, declared).equals(new String(ASCII_PROBE, StandardCharsets.US_ASCII));
  }

  /**
   * The rule that keeps a damaged UTF-8 page UTF-8: no more than one invalid byte per {@value
   * #NON_ASCII_BYTES_PER_INVALID_BYTE} non-ASCII bytes.
   */
  static boolean isMostlyUtf8(Utf8Scan scan) {
    return (long) scan.invalidBytes() * NON_ASCII_BYTES_PER_INVALID_BYTE <= scan.nonAsciiBytes();
  }

  private static int replacements(String text) {
    int n = 0;
    for (int i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
      n++;
    }
    return n;
  }

  /** The charset named by an HTTP {@code Content-Type} value, or null when absent or unknown. */
  public static Charset charsetFromHeader(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = HEADER_CHARSET.matcher(contentType);
    return m.find() ? forName(m.group(1)) : null;
  }

  private static boolean isSingleByte(Charset charset) {
    return charset.newEncoder().maxBytesPerChar() <= 1.0f;
  }

  private static Charset detect(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, Math.min(bytes.length, 256 * 1024));
    detector.dataEnd();
    Charset detected = forName(detector.getDetectedCharset());
    return detected == null || detected.equals(StandardCharsets.UTF_8) ? WINDOWS_1252 : detected;
  }

  private static Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static Charset charsetFromMeta(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? forName(m.group(1)) : null;
  }

  /** A charset by label, mapping the labels that WHATWG maps (latin1 and ascii mean windows-1252). */
  static Charset forName(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String name = label.strip().toLowerCase(Locale.ROOT);
    switch (name) {
      case "iso-8859-1", "latin1", "iso8859-1", "us-ascii", "ascii", "l1", "cp1252" -> {
        return WINDOWS_1252;
      }
      case "utf8", "unicode-1-1-utf-8" -> {
        return StandardCharsets.UTF_8;
      }
      case "gb2312", "gbk", "x-gbk" -> name = "gb18030";
      case "shift-jis", "sjis", "x-sjis" -> name = "shift_jis";
      default -> { }
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }
}

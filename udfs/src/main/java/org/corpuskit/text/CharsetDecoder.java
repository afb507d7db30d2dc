package org.corpuskit.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
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
 * {@code <meta>} one; a label of UTF-8 that the bytes break, or a single-byte label on bytes that are valid UTF-8,
 * gives way to the bytes; with no usable label, valid UTF-8 is UTF-8 and anything else is detected
 * statistically, falling back to windows-1252. Invalid bytes become U+FFFD and never fail. Valid UTF-8, the
 * common case, is decoded in a single pass.
 *
 * <p>Thread-safe: static methods on immutable state.
 */
public final class CharsetDecoder {
  /** The result: the text and the name of the charset it was decoded with. */
  public record Decoded(String text, String charset) {}

  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_CHARSET = Pattern.compile(
      "charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);
  private static final int META_SCAN_BYTES = 4096;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private CharsetDecoder() {}

  /** Decodes {@code bytes}; {@code contentType} is the HTTP header value, or null when there was none. */
  public static Decoded decode(byte[] bytes, String contentType) {
    if (bytes == null) {
      throw new IllegalArgumentException("bytes must not be null");
    }
    Charset bom = bomCharset(bytes);
    if (bom != null) {
      int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
      return new Decoded(new String(bytes, skip, bytes.length - skip, bom), bom.name());
    }
    Charset declared = charsetFromHeader(contentType);
    if (declared == null) {
      declared = charsetFromMeta(bytes);
    }
    if (declared != null && !declared.equals(StandardCharsets.UTF_8) && !isSingleByte(declared)) {
      return new Decoded(new String(bytes, declared), declared.name());
    }
    // Unlabelled, UTF-8 or single-byte: decode as UTF-8 once, and keep it when the bytes were valid UTF-8.
    String utf8 = new String(bytes, StandardCharsets.UTF_8);
    if (isValidUtf8(utf8, bytes)) {
      boolean ascii = utf8.length() == bytes.length;
      return new Decoded(utf8, ascii && declared != null ? declared.name() : StandardCharsets.UTF_8.name());
    }
    Charset chosen = declared == null || declared.equals(StandardCharsets.UTF_8) ? detect(bytes) : declared;
    return new Decoded(new String(bytes, chosen), chosen.name());
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

  /**
   * Whether decoding as UTF-8 met no invalid bytes: the text has no U+FFFD, or only at its very end (records
   * truncated by the crawler may end inside a character), or the page itself contains U+FFFD and a strict
   * decoder confirms the bytes.
   */
  private static boolean isValidUtf8(String decoded, byte[] bytes) {
    int replacement = decoded.indexOf('\uFFFD');
    if (replacement < 0 || replacement >= decoded.length() - 1 && bytes.length > 0 && bytes[bytes.length - 1] < 0
        && !endsWithEncodedReplacement(bytes)) {
      return true;
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean endsWithEncodedReplacement(byte[] b) {
    int n = b.length;
    return n >= 3 && (b[n - 3] & 0xff) == 0xEF && (b[n - 2] & 0xff) == 0xBF && (b[n - 1] & 0xff) == 0xBD;
  }
}

package org.corpuskit.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable document ids: the first 128 bits of SHA-256, in hex, of the WARC-Record-ID of the response a page was
 * captured in. A WET conversion record names that response in WARC-Refers-To, so the same page gets the same id
 * whether it is read from the WARC or the WET file. Records without an id (ARC files, some wget WARCs) hash
 * their URL and capture time instead, which is what identifies a capture there.
 *
 * <p>Thread-safe.
 */
public final class DocIds {
  private DocIds() {}

  /** The id of a page captured in the record with this WARC-Record-ID (angle brackets included or not). */
  public static String fromRecordId(String recordId) {
    if (recordId == null || recordId.isBlank()) {
      throw new IllegalArgumentException("recordId must not be blank");
    }
    String bare = recordId.strip();
    if (bare.startsWith("<") && bare.endsWith(">")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    return hash(bare);
  }

  /** The id of a capture that has no record id, from its URL and 14-digit capture date. */
  public static String fromCapture(String url, String captureDate) {
    if (url == null || captureDate == null) {
      throw new IllegalArgumentException("url and captureDate must not be null");
    }
    return hash("capture:" + captureDate + " " + url);
  }

  /** Looking a digest up by name costs more than hashing a record id, so each thread keeps one. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  });

  private static String hash(String value) {
    byte[] digest = SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }
}

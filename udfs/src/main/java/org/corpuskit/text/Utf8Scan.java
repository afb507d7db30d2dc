package org.corpuskit.text;

/**
 * How much of a byte array is valid UTF-8: its non-ASCII bytes, and those of them that are not part of a
 * well-formed sequence (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). Linear, one pass.
 *
 * @param nonAsciiBytes bytes of value 0x80 and above
 * @param invalidBytes non-ASCII bytes that belong to no well-formed sequence
 */
record Utf8Scan(int nonAsciiBytes, int invalidBytes) {
  static Utf8Scan of(byte[] b) {
    int nonAscii = 0;
    int invalid = 0;
    int i = 0;
    while (i < b.length) {
      int lead = b[i] & 0xff;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int length = sequenceLength(b, i);
      if (length == 0) {
        nonAscii++;
        invalid++;
        i++;
      } else {
        nonAscii += length;
        i += length;
      }
    }
    return new Utf8Scan(nonAscii, invalid);
  }

  /** The length of the well-formed multi-byte sequence starting at {@code i}, or 0 if there is none. */
  private static int sequenceLength(byte[] b, int i) {
    int lead = b[i] & 0xff;
    int length;
    int min = 0x80;
    int max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      min = lead == 0xE0 ? 0xA0 : 0x80;
      max = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      min = lead == 0xF0 ? 0x90 : 0x80;
      max = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      return 0;
    }
    if (i + length > b.length) {
      return 0;
    }
    int second = b[i + 1] & 0xff;
    if (second < min || second > max) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      int next = b[i + k] & 0xff;
      if (next < 0x80 || next > 0xBF) {
        return 0;
      }
    }
    return length;
  }
}

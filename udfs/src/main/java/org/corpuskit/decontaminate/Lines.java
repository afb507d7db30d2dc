package org.corpuskit.decontaminate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * A file's lines, each decoded as strict UTF-8 (a UTF-8 byte-order mark at the start is dropped), so that a
 * wrong encoding is reported at its line rather than read as replacement characters; with a fallback
 * encoding, a line that is not UTF-8 is read in that instead.
 */
final class Lines {
  private final String benchmark;
  private final String file;
  private final InputStream in;
  private final Iterator<String> given;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final Charset fallback;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int number;
  private boolean sawBytes;

  Lines(String benchmark, String file, InputStream in, String fallback) {
    this.benchmark = benchmark;
    this.file = file;
    this.fallback = fallback.isEmpty() ? null : Charset.forName(fallback);
    this.in = in;
    this.given = null;
  }

  /** Lines already decoded, read again. */
  Lines(String benchmark, String file, List<String> lines) {
    this.benchmark = benchmark;
    this.file = file;
    this.fallback = null;
    this.in = null;
    this.given = lines.iterator();
    this.sawBytes = true;
  }

  /** The next line without its line break, or null at the end. */
  String next() throws IOException {
    if (given != null) {
      if (!given.hasNext()) {
        return null;
      }
      number++;
      return given.next();
    }
    line.reset();
    int b = in.read();
    if (b < 0) {
      return null;
    }
    sawBytes = true;
    while (b >= 0 && b != '\n') {
      line.write(b);
      b = in.read();
    }
    number++;
    byte[] bytes = line.toByteArray();
    int from = number == 1 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    int to = bytes.length > from && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    return decode(bytes, from, to);
  }

  /** Where the last line read is: {@code line N}. */
  String where() {
    return "line " + number;
  }

  boolean empty() {
    return !sawBytes;
  }

  BenchmarkException error(String where, String problem) {
    return new BenchmarkException(benchmark, file, where, problem);
  }

  private String decode(byte[] bytes, int from, int to) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, from, to - from);
    try {
      CharBuffer chars = decoder.reset().decode(buffer);
      return chars.toString();
    } catch (CharacterCodingException e) {
      if (fallback != null) {
        return new String(bytes, from, to - from, fallback);
      }
      int at = buffer.position();
      throw error(where(), "not UTF-8: byte 0x"
          + String.format("%02x", bytes[at] & 0xff) + " at column " + (at - from + 1)
          + "; convert the file to UTF-8, or give encoding= for such lines");
    }
  }
}

package org.corpuskit.archive;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Frames WARC records (1.0, 1.1 and the older 0.x) from a plain or inflated byte stream: header lines up to the
 * blank line, then Content-Length bytes of block, then line breaks. Header names are matched in any case and the
 * first value of a repeated header wins, as in jwarc's lenient mode. Only the headers the reader uses become
 * strings ({@link #KEPT}), which makes this several times cheaper than a general WARC parser. Messages name file
 * offsets, which the caller maps stream positions to. Not thread-safe.
 */
final class WarcScanner {
  /** A record header longer than this is malformed. */
  static final int MAX_HEADER_BYTES = 64 * 1024;

  /** Thrown when the bytes at a record start are not a WARC header. */
  static final class MalformedException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  /** Thrown when the stream ends cleanly before a record's Content-Length is reached. */
  static final class LengthPastEndException extends EOFException {
    private static final long serialVersionUID = 1L;

    LengthPastEndException(String message) {
      super(message);
    }
  }

  private final ReadableByteChannel in;
  private final LongUnaryOperator fileOffset;
  private final ByteBuffer buffer = ByteBuffer.allocate(MAX_HEADER_BYTES).flip();
  private long consumed;
  private long blockLeft;
  private long recordStart = -1;
  private boolean recordEnded;
  private boolean eof;

  /** @param fileOffset maps a position of {@code in} to the file offset that messages name */
  WarcScanner(ReadableByteChannel in, LongUnaryOperator fileOffset) {
    this.in = in;
    this.fileOffset = fileOffset;
  }

  /** Stream position, relative to where the scanner started, of the record last returned. */
  long recordStart() {
    return recordStart;
  }

  /** The next record, or null at the end of the stream; the previous record is ended first. */
  ArchiveRecord next() throws IOException {
    if (recordStart >= 0 && !recordEnded) {
      endRecord();
    } else {
      skipLineBreaks();
    }
    if (!buffer.hasRemaining() && !fill()) {
      return null;
    }
    recordStart = consumed;
    recordEnded = false;
    int headerEnd = headerEnd();
    Map<String, String> headers = parseHeader(headerEnd);
    String length = headers.get("content-length");
    if (length == null) {
      throw new MalformedException("WARC record without Content-Length at " + at(recordStart));
    }
    try {
      blockLeft = Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      throw new MalformedException("invalid Content-Length '" + length + "' at " + at(recordStart));
    }
    if (blockLeft < 0) {
      throw new MalformedException("negative Content-Length at " + at(recordStart));
    }
    return new Record(headers);
  }

  /**
   * Skips the rest of the last record's block and the line breaks after it. Ending a record reads its gzip member
   * to the end, so the member's checksum has been checked once this returns.
   */
  void endRecord() throws IOException {
    recordEnded = true;
    skipBlock();
    if (skipLineBreaks() == 0 && (buffer.hasRemaining() || fill())) {
      // A block must be followed by its CRLF CRLF; bytes instead mean its Content-Length was wrong.
      throw new MalformedException("no line break after the record at " + at(recordStart));
    }
  }

  private long at(long position) {
    return fileOffset.applyAsLong(position);
  }

  private final class Record implements ArchiveRecord {
    private final Map<String, String> headers;

    Record(Map<String, String> headers) {
      this.headers = headers;
    }

    @Override
    public String type() {
      String type = headers.get("warc-type");
      return type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public long dateMillis() {
      String date = headers.get("warc-date");
      if (date == null) {
        return -1;
      }
      try {
        return Instant.parse(date.strip()).toEpochMilli();
      } catch (DateTimeParseException e) {
        return -1;
      }
    }

    @Override
    public ReadableByteChannel block() {
      return new ReadableByteChannel() {
        @Override
        public int read(ByteBuffer dst) throws IOException {
          return readBlock(dst);
        }

        @Override
        public boolean isOpen() {
          return true;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public long blockRemaining() {
      return blockLeft;
    }
  }

  private int readBlock(ByteBuffer dst) throws IOException {
    if (blockLeft == 0) {
      return -1;
    }
    if (!buffer.hasRemaining() && !fill()) {
      throw lengthPastEnd();
    }
    int n = (int) Math.min(Math.min(dst.remaining(), buffer.remaining()), blockLeft);
    dst.put(dst.position(), buffer, buffer.position(), n);
    dst.position(dst.position() + n);
    buffer.position(buffer.position() + n);
    consumed += n;
    blockLeft -= n;
    return n;
  }

  /** Index in the buffer just past the blank line that ends the header, filling the buffer as needed. */
  private int headerEnd() throws IOException {
    while (true) {
      int end = blankLineEnd(buffer.array(), buffer.position(), buffer.limit());
      if (end >= 0) {
        return end;
      }
      if (buffer.remaining() >= MAX_HEADER_BYTES) {
        throw new MalformedException(
            "no end of WARC header within " + MAX_HEADER_BYTES + " bytes at " + at(recordStart));
      }
      if (!fill()) {
        throw new EOFException("stream ends inside a WARC header");
      }
    }
  }

  private static int blankLineEnd(byte[] bytes, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (bytes[i] == '\n') {
        if (bytes[i - 1] == '\n') {
          return i + 1;
        }
        if (bytes[i - 1] == '\r' && i - 2 >= from && bytes[i - 2] == '\n') {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /** The only headers anything downstream asks for; the others are not even turned into strings. */
  private static final String[] KEPT = {
      "content-length", "warc-type", "warc-record-id", "warc-target-uri", "warc-date", "content-type",
      "warc-refers-to", "warc-truncated", "warc-identified-content-language"};

  private Map<String, String> parseHeader(int headerEnd) throws MalformedException {
    byte[] bytes = buffer.array();
    int start = buffer.position();
    consumed += headerEnd - start;
    buffer.position(headerEnd);
    int lineEnd = lineEnd(bytes, start, headerEnd);
    if (!startsWith(bytes, start, lineEnd, "WARC/")) {
      throw new MalformedException("not a WARC record at " + at(recordStart) + ": "
          + shorten(new String(bytes, start, Math.max(0, lineEnd - start), StandardCharsets.ISO_8859_1).strip()));
    }
    Map<String, String> headers = new HashMap<>(16);
    String lastName = null;
    for (int pos = lineEnd + 1; pos < headerEnd; ) {
      int end = lineEnd(bytes, pos, headerEnd);
      int stop = end > pos && bytes[end - 1] == '\r' ? end - 1 : end;
      int from = pos;
      pos = end + 1;
      if (stop == from) {
        break;
      }
      if (bytes[from] == ' ' || bytes[from] == '\t') {
        if (lastName != null && headers.containsKey(lastName)) {
          String continuation = new String(bytes, from, stop - from, StandardCharsets.UTF_8).strip();
          headers.computeIfPresent(lastName, (name, value) -> value + " " + continuation);
        }
        continue;
      }
      int colon = Bytes.indexOf(bytes, from, stop, (byte) ':');
      if (colon == from) {
        throw new MalformedException("invalid WARC header line at " + at(recordStart) + ": "
            + shorten(new String(bytes, from, stop - from, StandardCharsets.ISO_8859_1)));
      }
      if (colon < 0) {
        // A line without a colon names no header we keep; like jwarc's lenient mode, it is passed over.
        lastName = null;
        continue;
      }
      lastName = keptName(bytes, from, colon);
      if (lastName != null && !headers.containsKey(lastName)) {
        headers.put(lastName, new String(bytes, colon + 1, stop - colon - 1, StandardCharsets.UTF_8).strip());
      }
    }
    return headers;
  }

  /** Where the line starting at {@code from} ends: its LF, or {@code to} for a last line without one. */
  private static int lineEnd(byte[] bytes, int from, int to) {
    int end = Bytes.indexOf(bytes, from, to, (byte) '\n');
    return end < 0 ? to : end;
  }

  private static String keptName(byte[] bytes, int from, int to) {
    int end = to;
    while (end > from && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
      end--;
    }
    for (String name : KEPT) {
      if (name.length() == end - from && equalsIgnoreCase(bytes, from, name)) {
        return name;
      }
    }
    return null;
  }

  private static boolean equalsIgnoreCase(byte[] bytes, int from, String lowerCase) {
    for (int i = 0; i < lowerCase.length(); i++) {
      int b = bytes[from + i];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, int from, int to, String prefix) {
    if (to - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }


  /** Skips CR and LF bytes and says how many there were. */
  private int skipLineBreaks() throws IOException {
    int skipped = 0;
    while (true) {
      while (buffer.hasRemaining()) {
        byte b = buffer.get(buffer.position());
        if (b != '\r' && b != '\n') {
          return skipped;
        }
        buffer.position(buffer.position() + 1);
        consumed++;
        skipped++;
      }
      if (!fill()) {
        return skipped;
      }
    }
  }

  private void skipBlock() throws IOException {
    while (blockLeft > 0) {
      if (!buffer.hasRemaining() && !fill()) {
        throw lengthPastEnd();
      }
      int step = (int) Math.min(blockLeft, buffer.remaining());
      buffer.position(buffer.position() + step);
      consumed += step;
      blockLeft -= step;
    }
  }

  /** Reads more into the buffer, keeping what is unread; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    buffer.compact();
    int n;
    do {
      n = in.read(buffer);
    } while (n == 0 && buffer.hasRemaining());
    buffer.flip();
    if (n < 0) {
      eof = true;
      return false;
    }
    return true;
  }

  private LengthPastEndException lengthPastEnd() {
    return new LengthPastEndException(
        "the file ends " + blockLeft + " bytes short of the Content-Length of the record at " + at(recordStart));
  }

  private static String shorten(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }
}

package org.corpuskit.archive;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one WARC, WET or ARC file (gzip per record, or uncompressed) as a sequence of {@link ReadEvent}s: a page
 * for each HTML response or WET conversion, a skip with its reason for every other record, and a failure with
 * file offset and reason for whatever cannot be read. After a failure it looks for the next record start (a gzip
 * member that inflates to a record header, or {@code WARC/1.0} or another version wherever it starts) and goes on
 * from there, so one bad record costs one record. It never throws for bad input; memory is bounded by
 * {@link ReaderConfig#maxPayloadBytes}. WARC and WET records are framed by {@link WarcScanner}, ARC records by
 * jwarc; gzip files are inflated by {@link GzipMembersChannel}, which maps each record back to its member's offset.
 *
 * <p>Not thread-safe: one reader per file per thread.
 */
public final class ArchiveReader implements Closeable {
  private static final int SCAN_CHUNK = 64 * 1024;
  /** Bytes a record start is recognised by: {@code WARC/1.0}, or a gzip magic number. */
  private static final int RECORD_START_BYTES = 8;

  private final String file;
  private final SeekableByteChannel channel;
  private final ReaderConfig config;
  private final FileSummary.Counter counter;
  private final boolean gzip;
  private final boolean arc;
  private Framer framer;
  private GzipMembersChannel members;
  private long readerStart;
  private boolean freshReader;
  private long lastRecordStart = -1;
  private ReadEvent.Failure suspectedFailure;
  private final Deque<ReadEvent> queued = new ArrayDeque<>();
  private boolean sawRecord;
  private boolean finished;
  private final RecordPages pages;

  /**
   * @param file the name written into pages, failures and the summary (a path or URI)
   * @param channel the file's bytes, positioned at its start; closed by {@link #close()}
   */
  public ArchiveReader(String file, SeekableByteChannel channel, ReaderConfig config) throws IOException {
    if (file == null || channel == null || config == null) {
      throw new IllegalArgumentException("file, channel and config must not be null");
    }
    this.file = file;
    this.channel = channel;
    this.config = config;
    this.counter = new FileSummary.Counter(file);
    this.pages = new RecordPages(file, config);
    this.gzip = startsWithGzipMagic(channel);
    this.arc = new String(firstBytes(), StandardCharsets.ISO_8859_1).startsWith("filedesc:");
    if (channel.size() == 0) {
      // No record, and no garbage either; without a failure of its own the file would leave no trace in any output.
      queued.add(unreadable(new ReadEvent.Failure(0, FailReason.EMPTY_FILE, "the file has no bytes")));
      finished = true;
    }
  }

  /** The first bytes of the file's first record, inflated for gzip files; empty when unreadable. */
  private byte[] firstBytes() {
    return firstBytes(16);
  }

  /** The first {@code n} bytes of the content, decompressed when the file is gzip. */
  private byte[] firstBytes(int n) {
    if (!gzip) {
      return peek(0, n);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(peek(0, 4096)))) {
      return in.readNBytes(n);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** The next event, or empty at the end of the file. */
  public Optional<ReadEvent> next() {
    if (!queued.isEmpty()) {
      return Optional.of(queued.poll());
    }
    while (!finished) {
      try {
        if (framer == null) {
          readerStart = channel.position();
          members = gzip ? new GzipMembersChannel(channel) : null;
          framer = arc ? new Framer.Jwarc(members == null ? channel : members, members == null)
              : new Framer.Scanner(new WarcScanner(members == null ? channel : members, this::fileOffset));
          freshReader = true;
        }
        ArchiveRecord record = framer.next();
        if (record == null) {
          finished = true;
          break;
        }
        freshReader = false;
        lastRecordStart = recordOffset(framer.recordStart());
        sawRecord = true;
        counter.recordType(record.type());
        ReadEvent failureBefore = takeSuspectedFailure();
        ReadEvent event = count(ended(eventOf(record, lastRecordStart)));
        if (failureBefore == null) {
          return Optional.of(event);
        }
        queued.add(event);
        return Optional.of(failureBefore);
      } catch (IOException | RuntimeException e) {
        ReadEvent failure = onReadFailure(e);
        if (failure != null) {
          return Optional.of(failure);
        }
      }
    }
    return Optional.ofNullable(takeSuspectedFailure());
  }

  /** The file offset of a record at {@code position} of the framed stream (inflated, for gzip files). */
  private long recordOffset(long position) {
    if (members == null) {
      return framer.absolutePositions() ? position : readerStart + position;
    }
    long offset = members.compressedOffsetOf(position);
    members.forgetBefore(position);
    return offset;
  }

  /** The file offset of {@link WarcScanner}'s {@code position}: of the gzip member holding it, for gzip files. */
  private long fileOffset(long position) {
    return members == null ? readerStart + position : members.compressedOffsetOf(position);
  }

  /**
   * Ends the record before its event is handed over, so that a gzip member has passed its CRC-32 check by then: a
   * member that fails it fails its record, whatever was read from it. A failure past the record (bytes where a
   * line break belongs, a broken next member) is left to {@link #onReadFailure}, as if the next read had met it.
   */
  private ReadEvent ended(ReadEvent event) {
    if (framer == null) {
      return event; // eventOf met a broken stream and has moved on already
    }
    try {
      framer.endRecord();
    } catch (GzipMembersChannel.ChecksumException e) {
      dropFramer();
      moveTo(nextRecordStart(lastRecordStart + 1));
      return new ReadEvent.Failure(lastRecordStart, FailReason.GZIP_CHECKSUM, FailureText.describe(e));
    } catch (IOException | RuntimeException e) {
      onReadFailure(e);
    }
    return event;
  }

  /**
   * Handles a framer that threw before returning a record header, so the failure is an unreadable stretch, not a
   * record. A read from a fresh position failed right there: that is reported, and reading resumes at the next
   * record boundary after it. A read that began after a good record failed somewhere past that record (its
   * length may have been wrong, or the next record is broken): the reader retries at the next boundary and
   * reports the failure once, at the good record, only if that retry reads; if the retry fails too, only the
   * retry's precise failure is reported. Either way each incident is reported once and no good record after it
   * is lost.
   */
  private ReadEvent onReadFailure(Throwable e) {
    dropFramer();
    if (freshReader) {
      suspectedFailure = null;
      moveTo(nextRecordStart(readerStart + 1));
      return unreadable(failure(readerStart, e));
    }
    suspectedFailure = new ReadEvent.Failure(lastRecordStart, classify(e, lastRecordStart),
        "unreadable bytes after the record at this offset: " + FailureText.describe(e));
    moveTo(nextRecordStart(lastRecordStart + 1));
    return null;
  }

  private ReadEvent takeSuspectedFailure() {
    ReadEvent.Failure failure = suspectedFailure;
    suspectedFailure = null;
    return failure == null ? null : unreadable(failure);
  }

  /** Closing jwarc's reader would close the file; the inflater alone is released, and rebuilt on the next read. */
  private void dropFramer() {
    framer = null;
    if (members != null) {
      members.close();
      members = null;
    }
  }

  private void moveTo(long position) {
    if (position < 0) {
      finished = true;
      return;
    }
    try {
      channel.position(position);
    } catch (IOException e) {
      finished = true;
    }
  }

  /** Counts so far; complete once {@link #next()} has returned empty. */
  public FileSummary summary() {
    return counter.summary();
  }

  @Override
  public void close() throws IOException {
    dropFramer();
    channel.close();
  }

  private ReadEvent count(ReadEvent event) {
    counter.outcome(event);
    return event;
  }

  /** A failure with no record header read: one unreadable stretch, counted as such and as an outcome. */
  private ReadEvent unreadable(ReadEvent.Failure failure) {
    counter.unreadable();
    return count(failure);
  }

  /**
   * The event for a record whose header was read, which is always that record's own: a runtime error on its
   * content (a header that cannot be interpreted, say) fails it alone; an IOException means the archive stream
   * broke inside it, so it fails and reading resumes at the next record boundary after it. Were that failure
   * left to the retry logic of {@link #onReadFailure}, a failed retry would drop it and lose the record.
   */
  private ReadEvent eventOf(ArchiveRecord record, long offset) {
    try {
      return pages.toEvent(record, offset);
    } catch (RuntimeException e) {
      return new ReadEvent.Failure(offset, FailReason.MALFORMED_RECORD, FailureText.describe(e));
    } catch (IOException e) {
      dropFramer();
      moveTo(nextRecordStart(offset + 1));
      return failure(offset, e);
    }
  }

  /** The failure {@code e} at {@code offset}; a file that is no archive at all says what it looks like instead. */
  private ReadEvent.Failure failure(long offset, Throwable e) {
    FailReason reason = classify(e, offset);
    return new ReadEvent.Failure(offset, reason, reason == FailReason.NOT_AN_ARCHIVE ? notAnArchive() : FailureText.describe(e));
  }

  private String notAnArchive() {
    byte[] first = firstBytes(256);
    String start = new String(first, StandardCharsets.ISO_8859_1).strip();
    String lower = start.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("\u00ef\u00bb\u00bf<") || lower.startsWith("<!doctype") || lower.startsWith("<html")
        || lower.startsWith("<?xml") || lower.startsWith("<head") || lower.startsWith("<!--")) {
      return "an HTML page, not a web archive (WARC, ARC or WET); corpus extract-html reads HTML files";
    }
    if (gzip && first.length == 0) {
      return "not a web archive (WARC, ARC or WET): it does not decompress as gzip";
    }
    return "not a web archive (WARC, ARC or WET): it starts with "
        + FailureText.printable(start.substring(0, Math.min(40, start.length())));
  }

  private FailReason classify(Throwable e, long offset) {
    if (!sawRecord && offset == 0 && !looksLikeArchive()) {
      return FailReason.NOT_AN_ARCHIVE;
    }
    if (e instanceof GzipMembersChannel.ChecksumException) {
      return FailReason.GZIP_CHECKSUM;
    }
    if (e instanceof WarcScanner.LengthPastEndException) {
      return FailReason.LENGTH_PAST_END;
    }
    if (e instanceof WarcScanner.MalformedException) {
      return FailReason.MALFORMED_RECORD;
    }
    if (e instanceof EOFException || (e instanceof ZipException && String.valueOf(e.getMessage()).contains("end"))) {
      return FailReason.TRUNCATED_FILE;
    }
    if (e instanceof IOException && !(e.getClass().getName().startsWith("org.netpreserve")) && !(e instanceof ZipException)) {
      return FailReason.IO_ERROR;
    }
    return FailReason.MALFORMED_RECORD;
  }

  private boolean looksLikeArchive() {
    String start = new String(firstBytes(), StandardCharsets.ISO_8859_1);
    return start.startsWith("WARC/") || start.startsWith("filedesc:");
  }

  /** The first record start at or after {@code from}, within the scan limit, or -1 when there is none. */
  private long nextRecordStart(long from) {
    long start = Math.max(0, from);
    long limit = start + config.maxResyncScanBytes();
    try {
      long size = channel.size();
      byte[] chunk = new byte[SCAN_CHUNK];
      for (long pos = start; pos < Math.min(size, limit); pos += SCAN_CHUNK - RECORD_START_BYTES) {
        int n = read(pos, chunk);
        for (int i = 0; i + RECORD_START_BYTES <= n; i++) {
          if (isRecordStart(chunk, i, pos + i)) {
            return pos + i;
          }
        }
        if (n < SCAN_CHUNK) {
          break;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /**
   * A gzip member that inflates to a record header, or in a plain file a WARC version line such as {@code WARC/1.0}
   * wherever it starts: garbage before a record need not end in a line break.
   */
  private boolean isRecordStart(byte[] b, int i, long absolute) {
    if (gzip) {
      return (b[i] & 0xff) == 0x1f && (b[i + 1] & 0xff) == 0x8b && b[i + 2] == 8 && inflatesToRecord(absolute);
    }
    return b[i] == 'W' && b[i + 1] == 'A' && b[i + 2] == 'R' && b[i + 3] == 'C' && b[i + 4] == '/'
        && isDigit(b[i + 5]) && b[i + 6] == '.' && isDigit(b[i + 7]);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private boolean inflatesToRecord(long position) {
    byte[] member = peek(position, 4096);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
      byte[] head = in.readNBytes(16);
      String start = new String(head, StandardCharsets.ISO_8859_1);
      return start.startsWith("WARC/") || start.startsWith("filedesc:") || start.matches("(?s)^[a-z]+:.*");
    } catch (IOException e) {
      return false;
    }
  }

  private byte[] peek(long position, int length) {
    try {
      byte[] bytes = new byte[length];
      int n = read(position, bytes);
      return n == length ? bytes : Arrays.copyOf(bytes, Math.max(0, n));
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** Reads at an absolute position and puts the channel back where the WARC reader left it. */
  private int read(long position, byte[] into) throws IOException {
    long saved = channel.position();
    try {
      channel.position(position);
      ByteBuffer buffer = ByteBuffer.wrap(into);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          break;
        }
      }
      return buffer.position();
    } finally {
      channel.position(saved);
    }
  }

  private static boolean startsWithGzipMagic(SeekableByteChannel channel) throws IOException {
    long start = channel.position();
    ByteBuffer magic = ByteBuffer.allocate(2);
    while (magic.hasRemaining() && channel.read(magic) >= 0) {
      // keep reading: a channel may return fewer bytes than asked
    }
    channel.position(start);
    return magic.position() == 2 && (magic.get(0) & 0xff) == 0x1f && (magic.get(1) & 0xff) == 0x8b;
  }
}

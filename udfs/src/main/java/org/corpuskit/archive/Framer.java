package org.corpuskit.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Optional;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Frames records: {@link WarcScanner} for WARC and WET files, jwarc for ARC files. Positions are of the stream
 * the framer reads, which for gzip files is the inflated one.
 */
interface Framer {
  ArchiveRecord next() throws IOException;

  long recordStart() throws IOException;

  /** Reads past the rest of the record returned last; see {@link WarcScanner#endRecord()}. */
  void endRecord() throws IOException;

  /** Whether positions are file offsets already, not counted from where the framer started. */
  boolean absolutePositions();

  /** WARC and WET records, framed by {@link WarcScanner}. */
  final class Scanner implements Framer {
    private final WarcScanner scanner;

    Scanner(WarcScanner scanner) {
      this.scanner = scanner;
    }

    @Override
    public ArchiveRecord next() throws IOException {
      return scanner.next();
    }

    @Override
    public long recordStart() {
      return scanner.recordStart();
    }

    @Override
    public void endRecord() throws IOException {
      scanner.endRecord();
    }

    @Override
    public boolean absolutePositions() {
      return false;
    }
  }

  /** ARC records, framed by jwarc. */
  final class Jwarc implements Framer {
    /** jwarc's default is 8 KiB; larger reads mean fewer calls through the parser on large records. */
    private static final int READ_BUFFER = 64 * 1024;

    private final WarcReader reader;
    private final boolean absolute;

    /** @param absolute whether {@code in} is the file itself, so that its positions are file offsets */
    Jwarc(ReadableByteChannel in, boolean absolute) throws IOException {
      this.absolute = absolute;
      reader = new WarcReader(in, ByteBuffer.allocate(READ_BUFFER).flip());
      reader.setLenient(true);
    }

    @Override
    public ArchiveRecord next() throws IOException {
      Optional<WarcRecord> record = reader.next();
      return record.isEmpty() ? null : jwarcRecord(record.get());
    }

    @Override
    public long recordStart() {
      return reader.position();
    }

    /** jwarc reads past a record only on its next call, so an ARC member's checksum is checked then. */
    @Override
    public void endRecord() {}

    @Override
    public boolean absolutePositions() {
      return absolute;
    }
  }

  private static ArchiveRecord jwarcRecord(WarcRecord record) {
    return new ArchiveRecord() {
      @Override
      public String type() {
        return record.headers().first("WARC-Type").orElse("");
      }

      @Override
      public String header(String name) {
        return record.headers().first(name).orElse(null);
      }

      @Override
      public long dateMillis() {
        try {
          return record.date().toEpochMilli();
        } catch (RuntimeException e) {
          return -1;
        }
      }

      @Override
      public ReadableByteChannel block() {
        return record.body();
      }

      @Override
      public long blockRemaining() {
        try {
          long size = record.body().size();
          return size < 0 ? -1 : size - record.body().position();
        } catch (IOException e) {
          return -1;
        }
      }
    };
  }
}

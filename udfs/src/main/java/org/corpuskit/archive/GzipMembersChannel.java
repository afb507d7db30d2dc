package org.corpuskit.archive;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The inflated bytes of a multi-member gzip file, with the compressed offset at which each member starts, so
 * that a record read from the inflated stream can be reported at the offset of its gzip member. It reads the
 * compressed file in 64 KiB blocks; jwarc's own gzip layer reads 8 KiB and is the slower part of reading. Each
 * member's CRC-32 and length are checked against its trailer as soon as it ends, because a flipped bit in deflate
 * data often still inflates, into different text.
 *
 * <p>Not thread-safe. It reads the underlying channel from its current position and does not close it.
 */
final class GzipMembersChannel implements ReadableByteChannel {
  private static final int BLOCK = 64 * 1024;

  /** Where a member begins, in the compressed file and in the inflated stream. */
  record Member(long compressedStart, long inflatedStart) {}

  /** Thrown when a member's inflated bytes do not match the CRC-32 or the length in its trailer. */
  static final class ChecksumException extends ZipException {
    private static final long serialVersionUID = 1L;

    ChecksumException(String message) {
      super(message);
    }
  }

  private final SeekableByteChannel file;
  /** Little-endian, as gzip trailers are. */
  private final ByteBuffer input = ByteBuffer.allocate(BLOCK).order(ByteOrder.LITTLE_ENDIAN).flip();
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final Deque<Member> members = new ArrayDeque<>();
  private long inputStart;
  private long inflated;
  private boolean inMember;
  private boolean eof;

  GzipMembersChannel(SeekableByteChannel file) throws IOException {
    this.file = file;
    this.inputStart = file.position();
  }

  /** The compressed offset of the member that holds the inflated position {@code position}. */
  long compressedOffsetOf(long position) {
    long offset = -1;
    for (Member member : members) {
      if (member.inflatedStart() > position) {
        break;
      }
      offset = member.compressedStart();
    }
    return offset;
  }

  /** Forgets members that end before {@code position}, keeping memory flat over a long file. */
  void forgetBefore(long position) {
    while (members.size() > 1) {
      Member first = members.pollFirst();
      if (members.peekFirst().inflatedStart() > position) {
        members.addFirst(first);
        return;
      }
    }
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    while (true) {
      if (!inMember && !startMember()) {
        return -1;
      }
      int n;
      try {
        n = inflater.inflate(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
      } catch (DataFormatException e) {
        throw new ZipException("corrupt gzip member: " + e.getMessage());
      }
      if (n > 0) {
        crc.update(dst.array(), dst.arrayOffset() + dst.position(), n);
        dst.position(dst.position() + n);
        inflated += n;
        return n;
      }
      if (inflater.finished()) {
        endMember();
      } else if (inflater.needsInput()) {
        if (!fill()) {
          throw new EOFException("unexpected end of gzip stream");
        }
        inflater.setInput(input.array(), input.position(), input.remaining());
        input.position(input.limit());
      } else if (inflater.needsDictionary()) {
        throw new ZipException("gzip member needs a preset dictionary");
      }
    }
  }

  private boolean startMember() throws IOException {
    if (eof) {
      return false;
    }
    if (!ensure(10)) {
      if (input.hasRemaining()) {
        throw new EOFException("unexpected end of gzip stream");
      }
      eof = true;
      return false;
    }
    long start = inputStart + input.position();
    if ((input.get(input.position()) & 0xff) != 0x1f || (input.get(input.position() + 1) & 0xff) != 0x8b
        || input.get(input.position() + 2) != 8) {
      throw new ZipException("not in gzip format at offset " + start);
    }
    int flags = input.get(input.position() + 3) & 0xff;
    input.position(input.position() + 10);
    if ((flags & 4) != 0) {
      requireBytes(2);
      int extra = (input.get() & 0xff) | (input.get() & 0xff) << 8;
      skip(extra);
    }
    if ((flags & 8) != 0) {
      skipZeroTerminated();
    }
    if ((flags & 16) != 0) {
      skipZeroTerminated();
    }
    if ((flags & 2) != 0) {
      skip(2);
    }
    members.addLast(new Member(start, inflated));
    inflater.reset();
    crc.reset();
    inflater.setInput(input.array(), input.position(), input.remaining());
    input.position(input.limit());
    inMember = true;
    return true;
  }

  /** Hands the bytes the inflater did not use back to the input, then checks the member against its trailer. */
  private void endMember() throws IOException {
    int unused = inflater.getRemaining();
    input.position(input.limit() - unused);
    requireBytes(8);
    long expectedCrc = input.getInt() & 0xffffffffL;
    long expectedSize = input.getInt() & 0xffffffffL;
    inMember = false;
    if (crc.getValue() != expectedCrc) {
      throw new ChecksumException("CRC-32 of the gzip member at " + members.peekLast().compressedStart()
          + " does not match its trailer");
    }
    if ((inflater.getBytesWritten() & 0xffffffffL) != expectedSize) {
      throw new ChecksumException("length of the gzip member at " + members.peekLast().compressedStart()
          + " does not match its trailer");
    }
  }

  private void skip(int n) throws IOException {
    for (int left = n; left > 0; ) {
      if (!input.hasRemaining() && !fill()) {
        throw new EOFException("unexpected end of gzip stream");
      }
      int step = Math.min(left, input.remaining());
      input.position(input.position() + step);
      left -= step;
    }
  }

  private void skipZeroTerminated() throws IOException {
    while (true) {
      if (!input.hasRemaining() && !fill()) {
        throw new EOFException("unexpected end of gzip stream");
      }
      if (input.get() == 0) {
        return;
      }
    }
  }

  private void requireBytes(int n) throws IOException {
    if (!ensure(n)) {
      throw new EOFException("unexpected end of gzip stream");
    }
  }

  /** Makes at least {@code n} unread bytes available, compacting the block; false at end of file. */
  private boolean ensure(int n) throws IOException {
    while (input.remaining() < n) {
      if (!fill()) {
        return input.remaining() >= n;
      }
    }
    return true;
  }

  /** Reads more of the file into the block, keeping unread bytes; false when the file has no more. */
  private boolean fill() throws IOException {
    inputStart += input.position();
    input.compact();
    int n = file.read(input);
    input.flip();
    return n > 0;
  }

  @Override
  public boolean isOpen() {
    return file.isOpen();
  }

  @Override
  public void close() {
    inflater.end();
  }
}

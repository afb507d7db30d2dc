package org.corpuskit.jobs.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A channel that only reads: writes are refused, and so is any use after close. Not thread-safe. */
abstract class ReadOnlyChannel implements SeekableByteChannel {
  private boolean open = true;

  @Override
  public final int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public final SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public final boolean isOpen() {
    return open;
  }

  @Override
  public final void close() throws IOException {
    if (open) {
      open = false;
      closeSource();
    }
  }

  /** Releases what the channel reads from; called once, by the first close. */
  abstract void closeSource() throws IOException;

  final void ensureOpen() throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}

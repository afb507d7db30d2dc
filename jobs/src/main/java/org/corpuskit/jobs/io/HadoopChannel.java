package org.corpuskit.jobs.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A read-only {@link SeekableByteChannel} over any Hadoop file system (local, HDFS, S3A). Not thread-safe. */
public final class HadoopChannel extends ReadOnlyChannel {
  private final FSDataInputStream in;
  private final long size;

  private HadoopChannel(FSDataInputStream in, long size) {
    this.in = in;
    this.size = size;
  }

  /**
   * Opens {@code file}: an {@code http://} or {@code https://} URL as an {@link HttpChannel}, since Hadoop's
   * HTTP file system can neither seek nor tell a position; anything else through its Hadoop file system.
   */
  public static SeekableByteChannel open(String file, Configuration conf) throws IOException {
    String lower = file.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return HttpChannel.open(file);
    }
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    long size = fs.getFileStatus(path).getLen();
    return new HadoopChannel(fs.open(path, 1 << 16), size);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (dst.hasArray()) {
      int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
      if (n > 0) {
        dst.position(dst.position() + n);
      }
      return n;
    }
    byte[] chunk = new byte[Math.min(dst.remaining(), 1 << 16)];
    int n = in.read(chunk);
    if (n > 0) {
      dst.put(chunk, 0, n);
    }
    return n;
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return in.getPos();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    if (newPosition != in.getPos()) {
      in.seek(Math.min(newPosition, size));
    }
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  void closeSource() throws IOException {
    in.close();
  }
}

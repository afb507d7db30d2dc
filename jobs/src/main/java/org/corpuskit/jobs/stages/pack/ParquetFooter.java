package org.corpuskit.jobs.stages.pack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer the same bytes for the same data. parquet-java collects a column chunk's
 * encodings in a {@code HashSet} of enum constants, whose order follows identity hash codes and so changes from
 * one JVM to the next: the same rows give files that differ in a few footer bytes. Copying a file through
 * {@link #copySorted} writes its data pages unchanged and its footer with every list of encodings sorted.
 * Thread-safe: stateless.
 */
final class ParquetFooter {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final int BUFFER = 1 << 20;

  private ParquetFooter() {}

  /**
   * Copies the Parquet file {@code in} of {@code length} bytes to {@code out}, its footer's encoding lists
   * sorted; the footer keeps its length, so every offset in it stays right.
   */
  static void copySorted(FSDataInputStream in, long length, OutputStream out) throws IOException {
    if (length < 12) {
      throw new IOException("not a Parquet file: " + length + " bytes");
    }
    byte[] tail = new byte[8];
    in.readFully(length - 8, tail);
    if (!Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
      throw new IOException("not a Parquet file: it does not end with PAR1");
    }
    int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    long footerStart = length - 8 - footerLength;
    if (footerLength < 0 || footerStart < 4) {
      throw new IOException("not a Parquet file: footer of " + footerLength + " bytes in " + length);
    }
    byte[] footer = new byte[footerLength];
    in.readFully(footerStart, footer);
    byte[] sorted = sortedFooter(footer);
    in.seek(0);
    copy(in, out, footerStart);
    out.write(sorted);
    out.write(tail);
  }

  /** The footer's Thrift bytes again, with encodings and encoding statistics in a fixed order. */
  static byte[] sortedFooter(byte[] footer) throws IOException {
    FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
    for (RowGroup group : metadata.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        if (column == null) {
          continue;
        }
        if (column.isSetEncodings()) {
          column.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
        }
        if (column.isSetEncoding_stats()) {
          column.getEncoding_stats().sort(Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
              .thenComparingInt(s -> s.getEncoding().getValue()));
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(footer.length);
    Util.writeFileMetaData(metadata, out);
    if (out.size() != footer.length) {
      throw new IOException("the footer changed length when its encodings were sorted: " + footer.length + " to "
          + out.size() + " bytes");
    }
    return out.toByteArray();
  }

  private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
    byte[] buffer = new byte[BUFFER];
    for (long left = bytes; left > 0; ) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the file ended " + left + " bytes before its footer");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }
}

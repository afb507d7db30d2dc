package org.corpuskit.decontaminate;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * A benchmark file's bytes as text bytes: decompressed when they are gzip, bzip2, xz or zstd (known by their
 * first bytes, whatever the file is named), refused with a message naming the file when they are a zip archive,
 * UTF-16 or Parquet. Thread-safe: stateless.
 */
final class Decompression {
  private Decompression() {}

  /**
   * The stream decompressed (gzip, bzip2, xz or zstd, known by its first bytes, whatever the file is named),
   * after checking its first bytes are neither an archive nor UTF-16.
   */
  static InputStream open(String benchmark, String file, InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    String codec;
    try {
      codec = CompressorStreamFactory.detect(in);
    } catch (CompressorException e) {
      codec = null;
    }
    if (codec != null) {
      try {
        in = new BufferedInputStream(new Decompressed(benchmark, file, codec,
            new CompressorStreamFactory(true).createCompressorInputStream(codec, in)));
      } catch (CompressorException e) {
        throw new BenchmarkException(benchmark, file, "", "is " + codec + "-compressed but does not decompress ("
            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + "): truncated or corrupt?");
      } catch (LinkageError e) {
        throw new BenchmarkException(benchmark, file, "", "is " + codec + "-compressed and cannot be "
            + "decompressed here (" + e.getMessage() + "); decompress it, or compress it with gzip");
      }
    }
    String other = otherFormat(peek(in));
    if (other != null) {
      throw new BenchmarkException(benchmark, file, "", other);
    }
    return in;
  }

  /** A decompressing stream whose failures (a truncated or corrupt file) name the file and the codec. */
  private static final class Decompressed extends FilterInputStream {
    private final String benchmark;
    private final String file;
    private final String codec;

    Decompressed(String benchmark, String file, String codec, InputStream in) {
      super(in);
      this.benchmark = benchmark;
      this.file = file;
      this.codec = codec;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw broken(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw broken(e);
      }
    }

    private BenchmarkException broken(IOException e) {
      return new BenchmarkException(benchmark, file, "", "is " + codec + "-compressed but does not decompress ("
          + (e.getMessage() != null ? e.getMessage() : "it ends too soon") + "): truncated or corrupt?");
    }
  }

  private static byte[] peek(BufferedInputStream in) throws IOException {
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    return head;
  }

  private static String otherFormat(byte[] head) {
    String hex = java.util.HexFormat.of().formatHex(head);
    if (hex.startsWith("feff") || hex.startsWith("fffe")) {
      return "is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8";
    }
    if (hex.startsWith("504b0304")) {
      return "is a zip archive; unpack it and give the folder";
    }
    if (hex.startsWith("50415231")) {
      return "is Parquet; name it .parquet or give format=parquet";
    }
    return null;
  }
}

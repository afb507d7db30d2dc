package org.corpuskit.archive;

import java.io.Serializable;

/**
 * Limits of {@link ArchiveReader}; they bound its memory whatever the input holds. Serializable, to travel to
 * Spark executors.
 *
 * @param maxPayloadBytes payload bytes kept per record; the rest is skipped and the page marked truncated
 * @param maxResyncScanBytes how far past a failure the reader looks for the next record before giving up on
 *     the file
 */
public record ReaderConfig(int maxPayloadBytes, long maxResyncScanBytes) implements Serializable {
  /** 8 MiB per payload (Common Crawl itself truncates at 1 MiB), and a scan of up to 1 GiB to resynchronise. */
  public static final ReaderConfig DEFAULTS = new ReaderConfig(8 << 20, 1L << 30);

  public ReaderConfig {
    if (maxPayloadBytes < 1024) {
      throw new IllegalArgumentException("maxPayloadBytes must be at least 1024, got " + maxPayloadBytes);
    }
    if (maxResyncScanBytes < 0) {
      throw new IllegalArgumentException("maxResyncScanBytes must not be negative, got " + maxResyncScanBytes);
    }
  }
}

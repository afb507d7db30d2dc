package org.corpuskit.archive;

import java.nio.channels.ReadableByteChannel;

/** One record as the reader needs it, whichever parser framed it ({@link WarcScanner}, or jwarc for ARC). */
interface ArchiveRecord {
  /** The WARC-Type, lower case, or empty when absent; ARC records read as {@code response} and {@code warcinfo}. */
  String type();

  /** The first value of a header (name in any case), or null. */
  String header(String name);

  /** WARC-Date in milliseconds since the epoch, or -1 when absent or unreadable. */
  long dateMillis();

  /** The record block; reading it is optional, the framer skips what is left. */
  ReadableByteChannel block();

  /** Bytes left in the block, or -1 when unknown. */
  long blockRemaining();
}

package org.corpuskit.archive;

import java.util.Locale;

/** Why bytes of an archive could not be read as a record. */
public enum FailReason {
  /** The file holds no record at all: not a WARC, ARC or WET file. */
  NOT_AN_ARCHIVE,
  /** WARC or ARC headers that do not parse, or a length that does not fit the bytes. */
  MALFORMED_RECORD,
  /** The HTTP response inside a record does not parse. */
  MALFORMED_HTTP,
  /** The content encoding (gzip, deflate, brotli) of the payload does not decode. */
  BAD_CONTENT_ENCODING,
  /** The file ends in the middle of a gzip member or of a record header. */
  TRUNCATED_FILE,
  /**
   * A record's Content-Length reaches past the end of the file, which ends cleanly (a plain file, or complete gzip
   * members): the length is wrong. A plain file cut inside a record's block looks the same and is reported so too.
   */
  LENGTH_PAST_END,
  /** A gzip member's inflated bytes do not match the CRC-32 or length in its trailer: the record is corrupt. */
  GZIP_CHECKSUM,
  /** The file has no bytes at all. */
  EMPTY_FILE,
  /** The storage failed while reading. */
  IO_ERROR;

  private final String label = name().toLowerCase(Locale.ROOT);
  private final String outcome = "failed:" + label;

  /** The reason as written in the errors dataset, e.g. {@code malformed_record}. */
  public String label() {
    return label;
  }

  /** The outcome key of summaries, e.g. {@code failed:malformed_record}. */
  public String outcome() {
    return outcome;
  }
}

package org.corpuskit.archive;

/** One thing the reader met in an archive: a page to keep, a record it skipped, or a failure. */
public sealed interface ReadEvent {
  /** A page kept for extraction. */
  record Page(ArchivePage page) implements ReadEvent {}

  /**
   * A record that is well formed but not a page: another record type, a revisit, a non-200 or non-HTML response.
   *
   * @param offset where the record starts
   * @param recordType the WARC-Type
   * @param url the record's target URL, or empty
   * @param reason one of {@link SkipReason}
   */
  record Skipped(long offset, String recordType, String url, SkipReason reason) implements ReadEvent {}

  /**
   * A record, or a stretch of bytes, that could not be read.
   *
   * @param offset where the failure starts
   * @param reason one of {@link FailReason}
   * @param message what the parser said, for a person reading the errors dataset
   */
  record Failure(long offset, FailReason reason, String message) implements ReadEvent {}
}

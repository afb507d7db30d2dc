package org.corpuskit.decontaminate;

/** A set of 64-bit fingerprints that may answer yes for one never added, at a stated rate. */
public interface FingerprintFilter {
  /** False when {@code fingerprint} was never added; true when it was, and at {@link #falsePositiveRate} when not. */
  boolean mightContain(long fingerprint);

  /** The chance of a yes for a fingerprint never added: 0 for an exact set. */
  double falsePositiveRate();

  /** The memory it holds, in bytes: what a broadcast of it ships to every executor. */
  long bytes();
}

package org.corpuskit.archive;

/** Byte-array search shared by the record and HTTP head parsers. Thread-safe. */
final class Bytes {
  private Bytes() {}

  /** The first index of {@code b} in {@code bytes[from, to)}, or -1. */
  static int indexOf(byte[] bytes, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}

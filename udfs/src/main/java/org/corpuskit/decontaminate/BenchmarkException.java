package org.corpuskit.decontaminate;

/** A benchmark file that cannot be read as configured: the message names the benchmark, the file and the place. */
public final class BenchmarkException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param benchmark the benchmark's name
   * @param file the file, as listed
   * @param where the line, record or row, or empty for the file as a whole
   * @param problem what is wrong, and what to do when that is not obvious
   */
  public BenchmarkException(String benchmark, String file, String where, String problem) {
    super("benchmark " + benchmark + ": " + file + (where.isEmpty() ? "" : " " + where) + ": " + problem);
  }
}

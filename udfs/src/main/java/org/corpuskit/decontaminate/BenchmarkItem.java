package org.corpuskit.decontaminate;

/**
 * One test item of a benchmark: the text that must not appear in training data.
 *
 * @param benchmark the benchmark's name, as configured
 * @param id where the item is: its file and line (or record or row)
 * @param text the fields of the item's layout, joined by line breaks
 */
public record BenchmarkItem(String benchmark, String id, String text) {
  public BenchmarkItem {
    if (benchmark == null || id == null || text == null) {
      throw new IllegalArgumentException("benchmark, id and text must not be null");
    }
  }
}

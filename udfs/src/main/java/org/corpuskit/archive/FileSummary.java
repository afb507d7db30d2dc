package org.corpuskit.archive;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one archive file held and what became of it. Every record, and every stretch of unreadable bytes, is
 * counted exactly once in {@link #outcomes}, so {@code records == pages + skipped + failed}.
 *
 * @param file the file's path or URI as given to the reader
 * @param recordTypes records by WARC-Type (ARC records as {@code response} and {@code warcinfo})
 * @param outcomes counts by outcome: {@code page}, {@code skipped:<reason>}, {@code failed:<reason>}
 */
public record FileSummary(String file, Map<String, Long> recordTypes, Map<String, Long> outcomes) {
  public FileSummary {
    recordTypes = Map.copyOf(recordTypes);
    outcomes = Map.copyOf(outcomes);
  }

  public long pages() {
    return outcomes.getOrDefault("page", 0L);
  }

  public long skipped() {
    return sumWithPrefix("skipped:");
  }

  public long failed() {
    return sumWithPrefix("failed:");
  }

  public long records() {
    return pages() + skipped() + failed();
  }

  private long sumWithPrefix(String prefix) {
    return outcomes.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Counts events as a reader produces them. Not thread-safe. */
  static final class Counter {
    private final String file;
    private final Map<String, Long> recordTypes = new TreeMap<>();
    private final Map<String, Long> outcomes = new TreeMap<>();

    Counter(String file) {
      this.file = file;
    }

    void recordType(String type) {
      recordTypes.merge(type, 1L, Long::sum);
    }

    void outcome(ReadEvent event) {
      String key;
      if (event instanceof ReadEvent.Skipped skipped) {
        key = skipped.reason().outcome();
      } else if (event instanceof ReadEvent.Failure failure) {
        key = failure.reason().outcome();
      } else {
        key = "page";
      }
      outcomes.merge(key, 1L, Long::sum);
    }

    FileSummary summary() {
      return new FileSummary(file, recordTypes, outcomes);
    }
  }
}

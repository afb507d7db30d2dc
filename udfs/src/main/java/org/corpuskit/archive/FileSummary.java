package org.corpuskit.archive;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one archive file held and what became of it, counted apart so that the two can be compared.
 *
 * <p>What was there, {@link #records()}: {@link #recordTypes} counts every record header the framer returned, by
 * type, as soon as it is returned and before the record is looked at; {@link #unreadable} counts the failures
 * where the framer returned no header (garbage, a broken header, a file that ends inside a header, bytes left
 * after a record whose length was wrong, a file with no bytes at all), each one stretch of bytes reported as one
 * failure. A record whose header was returned is never an unreadable stretch: if its block breaks off while the
 * reader reads it, or its gzip member fails its checksum, that is the record's own failure.
 *
 * <p>What became of it: {@link #outcomes} counts the events the reader returned. The unreadable stretches appear
 * on both sides, so {@link #addsUp()} checks that every record header led to exactly one page, skip or failure;
 * it is false when the reader loses a record or reports one twice.
 *
 * @param file the file's path or URI as given to the reader
 * @param recordTypes record headers read, by WARC-Type (ARC records as {@code response} and {@code warcinfo})
 * @param unreadable stretches of bytes without a readable record header, each one failure in {@code outcomes}
 * @param outcomes events returned, by outcome: {@code page}, {@code skipped:<reason>}, {@code failed:<reason>}
 */
public record FileSummary(String file, Map<String, Long> recordTypes, long unreadable, Map<String, Long> outcomes) {
  public FileSummary {
    recordTypes = Map.copyOf(recordTypes);
    outcomes = Map.copyOf(outcomes);
  }

  /** Records met: the record headers read plus the unreadable stretches, counted apart from the outcomes. */
  public long records() {
    return recordTypes.values().stream().mapToLong(Long::longValue).sum() + unreadable;
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

  /** Whether {@code records == pages + skipped + failed}: every record met has exactly one outcome. */
  public boolean addsUp() {
    return records() == pages() + skipped() + failed();
  }

  private long sumWithPrefix(String prefix) {
    return outcomes.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Counts headers, unreadable stretches and events as a reader meets them. Not thread-safe. */
  static final class Counter {
    private final String file;
    private final Map<String, Long> recordTypes = new TreeMap<>();
    private long unreadable;
    private final Map<String, Long> outcomes = new TreeMap<>();

    Counter(String file) {
      this.file = file;
    }

    void recordType(String type) {
      recordTypes.merge(type, 1L, Long::sum);
    }

    void unreadable() {
      unreadable++;
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
      return new FileSummary(file, recordTypes, unreadable, outcomes);
    }
  }
}

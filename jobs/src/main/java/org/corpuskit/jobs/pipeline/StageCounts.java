package org.corpuskit.jobs.pipeline;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a stage did to its records, each figure counted from the data it wrote: every record in is out,
 * rejected with a reason, or failed with a reason. Characters are -1 where a stage's input is not text.
 *
 * @param in records read
 * @param out records written to the main output
 * @param rejected records left out on purpose, by reason
 * @param failed records that could not be processed, by reason
 * @param charsIn characters of text read, or -1
 * @param charsOut characters of text written to the main output
 * @param notes lines the run summary shows under the stage's counts, such as what decontamination found
 */
public record StageCounts(long in, long out, Map<String, Long> rejected, Map<String, Long> failed, long charsIn,
    long charsOut, List<String> notes) {
  public StageCounts {
    rejected = Collections.unmodifiableSortedMap(new TreeMap<>(rejected));
    failed = Collections.unmodifiableSortedMap(new TreeMap<>(failed));
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** Counts without notes. */
  public StageCounts(long in, long out, Map<String, Long> rejected, Map<String, Long> failed, long charsIn,
      long charsOut) {
    this(in, out, rejected, failed, charsIn, charsOut, List.of());
  }

  /** These counts with {@code notes} for the run summary. */
  public StageCounts withNotes(List<String> notes) {
    return new StageCounts(in, out, rejected, failed, charsIn, charsOut, notes);
  }

  /**
   * The counts of a stage that maps documents to documents: records and characters of {@code text} read and
   * kept, and the rejected ones by their {@code reason}, each counted from the datasets themselves.
   */
  public static StageCounts ofDocuments(Dataset<Row> input, Dataset<Row> kept, Dataset<Row> rejected) {
    Row in = input.selectExpr("count(*)", "coalesce(sum(length(text)), 0)").first();
    Row out = kept.selectExpr("count(*)", "coalesce(sum(length(text)), 0)").first();
    Map<String, Long> reasons = new TreeMap<>();
    rejected.groupBy("reason").count().collectAsList().forEach(r -> reasons.put(r.getString(0), r.getLong(1)));
    return new StageCounts(in.getLong(0), out.getLong(0), reasons, Map.of(), in.getLong(1), out.getLong(1));
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public long failedTotal() {
    return failed.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The equation the runner checks for every stage: {@code in = out + rejected + failed}. */
  public boolean addsUp() {
    return in == out + rejectedTotal() + failedTotal();
  }

  String equation() {
    return String.format("in %d = out %d + rejected %d + failed %d", in, out, rejectedTotal(), failedTotal());
  }
}

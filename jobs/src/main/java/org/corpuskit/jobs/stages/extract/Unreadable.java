package org.corpuskit.jobs.stages.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Input files of which not one record could be read (missing, refused, empty, not an archive), against the
 * share of the input a run tolerates: below it they are named in the run summary; above it the stage fails, so
 * that a crawl whose files went missing half-way does not become a release of the half that was read.
 */
final class Unreadable {
  /** Files named in a message; the rest are counted, and all are in extract/errors. */
  static final int NAMED = 5;

  private Unreadable() {}

  /** Thrown when more than the tolerated share of input files could not be read at all. */
  static final class TooManyException extends RuntimeException {
    TooManyException(String message) {
      super(message);
    }
  }

  /**
   * The run summary's note on unreadable files, none when there are none; throws {@link TooManyException} when
   * they are more than {@code maxShare} of the files.
   */
  static List<String> check(Dataset<Row> summaries, Dataset<Row> errors, double maxShare) {
    long files = summaries.count();
    Dataset<Row> firstError = errors.groupBy("file")
        .agg(min(struct(col("offset"), col("reason"))).getField("reason").as("reason"));
    List<Row> unreadable = summaries.filter(size(col("record_types")).equalTo(0)).select("file")
        .join(firstError, new String[] {"file"}, "left").orderBy("file").collectAsList();
    if (unreadable.isEmpty()) {
      return List.of();
    }
    double share = unreadable.size() / (double) files;
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d input files unreadable (%s): ",
        unreadable.size(), files, percent(share)));
    unreadable.stream().limit(NAMED).forEach(r -> line.append(name(r.getString(0))).append(" (")
        .append(r.isNullAt(1) ? "no record" : r.getString(1)).append("), "));
    line.setLength(line.length() - 2);
    if (unreadable.size() > NAMED) {
      line.append(" and ").append(unreadable.size() - NAMED).append(" more");
    }
    line.append("; all in extract/errors");
    if (share > maxShare) {
      throw new TooManyException(line + ". That is more than extract.max_unreadable_share, " + percent(maxShare)
          + ", so the run stops here: leave those files out, or raise the share to go on without them");
    }
    return List.of(line + "; tolerated up to " + percent(maxShare));
  }

  private static String name(String file) {
    return file.substring(file.lastIndexOf('/') + 1);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}

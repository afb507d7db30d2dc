package org.corpuskit.jobs.stages.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.corpuskit.dedup.MinHash;
import org.corpuskit.dedup.ShingleSet;
import org.corpuskit.dedup.Shingles;
import org.corpuskit.dedup.TextKeys;
import org.corpuskit.jobs.config.DedupConfig;
import org.corpuskit.jobs.pipeline.PerTask;

/**
 * What the dedup stage computes from a document's text, once, in one pass: its exact key, its LSH band keys and
 * its shingle set. A text without a word has no band keys and no shingles (null): nothing is near it, and it
 * is left to exact dedup. Shingle sets are packed ({@link ShingleSet#pack}), and kept only to verify pairs.
 * Not thread-safe; one per task.
 */
public final class Signatures {
  /** The keys, after the columns passed through. */
  static final List<StructField> FIELDS = List.of(
      DataTypes.createStructField("exact_key", DataTypes.BinaryType, false),
      DataTypes.createStructField("band_keys", DataTypes.createArrayType(DataTypes.LongType, false), true),
      DataTypes.createStructField("shingles", DataTypes.BinaryType, true));

  private final Shingles shingles;
  private final MinHash minHash;
  private final boolean keepShingles;

  Signatures(DedupConfig config) {
    shingles = new Shingles(config.unit(), config.shingleSize(), config.seed());
    minHash = new MinHash(config.bands(), config.rows(), config.seed());
    keepShingles = config.verify();
  }

  /**
   * {@code rows}' columns but their last two, {@code text} and {@code lang}, followed by the keys of the text:
   * one {@link Signatures} per task.
   */
  public static Dataset<Row> of(Dataset<Row> rows, DedupConfig config) {
    List<StructField> fields = new ArrayList<>(List.of(rows.drop("text", "lang").schema().fields()));
    fields.addAll(FIELDS);
    return PerTask.map(rows, DataTypes.createStructType(fields), () -> new Signatures(config), Signatures::keys);
  }

  /**
   * {@code row}'s columns but its last two, {@code text} and {@code lang} (either may be null), followed by the
   * keys of that text.
   */
  private Row keys(Row row) {
    int passed = row.length() - 2;
    String text = row.isNullAt(passed) ? "" : row.getString(passed);
    String lang = row.isNullAt(passed + 1) ? "" : row.getString(passed + 1);
    long[] hashes = shingles.of(text, lang);
    Object[] values = new Object[passed + FIELDS.size()];
    for (int i = 0; i < passed; i++) {
      values[i] = row.get(i);
    }
    values[passed] = TextKeys.exact(text);
    if (hashes.length > 0) {
      values[passed + 1] = minHash.bandKeys(minHash.signature(hashes));
      values[passed + 2] = keepShingles ? ShingleSet.pack(ShingleSet.of(hashes)) : null;
    }
    return RowFactory.create(values);
  }
}

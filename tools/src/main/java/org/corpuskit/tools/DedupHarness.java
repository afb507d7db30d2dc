package org.corpuskit.tools;

import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corpuskit.eval.Mutations;
import org.corpuskit.jobs.config.DedupConfig;
import org.corpuskit.jobs.stages.dedup.Fuzzy;
import org.corpuskit.jobs.stages.dedup.Signatures;

/**
 * {@code corpus-tools harness dedup}: how well near-duplicate removal finds near copies, on any documents. Each document
 * of at least {@link #MIN_WORDS} words gets copies mutated by each {@link Mutations.Kind} at each of
 * {@link #RATES}; then the fuzzy dedup of the stage (signatures, star buckets, verification, components) runs
 * on documents and copies together. Pairs are labelled by the exact Jaccard similarity of their shingle sets:
 * every pair within a family (a document and its copies), every candidate pair the buckets gave, and
 * {@link #RANDOM_PARTNERS} random partners per document. Reported: the share of pairs at or above 0.85 that end
 * in one cluster (recall), the share of pairs below 0.5 that do (false merges), and per similarity bin the
 * share of pairs that share a band beside the theoretical S-curve.
 */
public final class DedupHarness {
  /** Edit rates the copies are made at. */
  static final double[] RATES = {0.01, 0.02, 0.05, 0.1, 0.2, 0.3};
  static final int MIN_WORDS = 50;
  static final int RANDOM_PARTNERS = 3;
  private static final double BIN = 0.05;

  private DedupHarness() {}

  /**
   * The evaluation's figures.
   *
   * @param curve per similarity bin: {@code [bin start, pairs, share sharing a band, theoretical share, share
   *     merged]}
   */
  public record Report(long originals, long documents, long pairs, long candidatePairs, long pairsAbove,
      double recall, long pairsBelow, double falseMerges, List<double[]> curve) {}

  /** Evaluates fuzzy dedup under {@code config} on the documents of {@code texts} (column text). */
  public static Report run(Dataset<Row> texts, DedupConfig config, long seed) {
    Dataset<Row> originals = texts.select("text").dropDuplicates("text")
        .filter(size(split(col("text"), "\\s+")).geq(MIN_WORDS))
        .withColumn("family", sha2(col("text"), 256));
    Dataset<Row> docs = copies(originals, seed).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> light = docs.select(col("doc_id"), col("family"), struct(col("doc_id")).as("rank"), col("text"),
        lit("").as("lang"));
    Dataset<Row> keys = Signatures.of(light, config).filter(col("band_keys").isNotNull())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Fuzzy.Result fuzzy = Fuzzy.apply(keys, null, config);
    Dataset<Row> cluster = fuzzy.clusters(keys);
    Dataset<Row> pairs = pairs(keys, fuzzy).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> labelled = pairs
        .join(keys.select(col("doc_id").as("x"), col("band_keys").as("kx"), col("shingles").as("sx")), "x")
        .join(keys.select(col("doc_id").as("y"), col("band_keys").as("ky"), col("shingles").as("sy")), "y")
        .join(cluster.select(col("doc_id").as("x"), col("cluster").as("cx")), "x")
        .join(cluster.select(col("doc_id").as("y"), col("cluster").as("cy")), "y")
        .select(Fuzzy.JACCARD.apply(col("sx"), col("sy")).as("jaccard"),
            arrays_overlap(col("kx"), col("ky")).as("candidate"), col("cx").equalTo(col("cy")).as("merged"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Row above = rates(labelled.filter(col("jaccard").geq(0.85)));
    Row below = rates(labelled.filter(col("jaccard").lt(0.5)));
    List<double[]> curve = new ArrayList<>();
    for (Row bin : labelled.groupBy(floor(col("jaccard").divide(BIN)).as("bin"))
        .agg(count(lit(1)).as("n"), avg(col("candidate").cast("double")).as("candidate"),
            avg(col("merged").cast("double")).as("merged"),
            avg(theory(col("jaccard"), config.bands(), config.rows())).as("theory"))
        .orderBy("bin").collectAsList()) {
      curve.add(new double[] {Math.min(bin.getLong(0), (long) (1 / BIN) - 1) * BIN, bin.getLong(1),
          bin.getDouble(2), bin.getDouble(4), bin.getDouble(3)});
    }
    Report report = new Report(originals.count(), keys.count(), labelled.count(), fuzzy.pairs().count(),
        above.getLong(0), above.getDouble(1), below.getLong(0), below.getDouble(1), merge(curve));
    for (Dataset<Row> cached : List.of(docs, keys, pairs, labelled)) {
      cached.unpersist();
    }
    fuzzy.release();
    return report;
  }

  /** Folds the bin of similarity exactly 1 into the last one, so bins are [k·0.05, (k+1)·0.05). */
  private static List<double[]> merge(List<double[]> curve) {
    List<double[]> merged = new ArrayList<>();
    for (double[] bin : curve) {
      double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && Math.abs(last[0] - bin[0]) < 1e-9) {
        double n = last[1] + bin[1];
        for (int i = 2; i < bin.length; i++) {
          last[i] = (last[i] * last[1] + bin[i] * bin[1]) / n;
        }
        last[1] = n;
      } else {
        merged.add(bin.clone());
      }
    }
    return merged;
  }

  /** Each original (copy 0) and its mutated copies: doc_id {@code family-copy}, family, text. */
  private static Dataset<Row> copies(Dataset<Row> originals, long seed) {
    StructType schema = new StructType().add("doc_id", "string").add("family", "string").add("text", "string");
    return originals.flatMap((FlatMapFunction<Row, Row>) row -> {
      String text = row.getString(row.fieldIndex("text"));
      String family = row.getString(row.fieldIndex("family"));
      Mutations mutations = new Mutations(seed);
      SplittableRandom random = new SplittableRandom(seed ^ Long.parseUnsignedLong(family.substring(0, 16), 16));
      List<Row> out = new ArrayList<>();
      out.add(RowFactory.create(family + "-0", family, text));
      int copy = 1;
      for (Mutations.Kind kind : Mutations.Kind.values()) {
        for (double rate : RATES) {
          out.add(RowFactory.create(family + "-" + copy++, family, mutations.mutate(text, kind, rate, random)));
        }
      }
      return out.iterator();
    }, Encoders.row(schema));
  }

  /** Pairs (x, y), x < y: within families, the candidate pairs, and random partners. */
  private static Dataset<Row> pairs(Dataset<Row> keys, Fuzzy.Result fuzzy) {
    Dataset<Row> members = keys.select("doc_id", "family");
    Dataset<Row> family = members.as("l").join(members.as("r"), "family")
        .filter(col("l.doc_id").lt(col("r.doc_id")))
        .select(col("l.doc_id").as("x"), col("r.doc_id").as("y"));
    Dataset<Row> nodes = fuzzy.nodes().select("node", "doc_id");
    Dataset<Row> candidates = fuzzy.pairs()
        .join(nodes.select(col("node").as("a"), col("doc_id").as("da")), "a")
        .join(nodes.select(col("node").as("b"), col("doc_id").as("db")), "b")
        .select(least(col("da"), col("db")).as("x"), greatest(col("da"), col("db")).as("y"));
    long n = keys.count();
    Dataset<Row> random = nodes.crossJoin(keys.sparkSession().range(RANDOM_PARTNERS).toDF("k"))
        .withColumn("partner", pmod(xxhash64(col("doc_id"), col("k")), lit(n)))
        .join(nodes.select(col("node").as("partner"), col("doc_id").as("other")), "partner")
        .filter(col("doc_id").notEqual(col("other")))
        .select(least(col("doc_id"), col("other")).as("x"), greatest(col("doc_id"), col("other")).as("y"));
    return family.union(candidates).union(random).distinct();
  }

  private static Row rates(Dataset<Row> pairs) {
    return pairs.agg(count(lit(1)), coalesce(avg(col("merged").cast("double")), lit(0.0))).first();
  }

  private static Column theory(Column jaccard, int bands, int rows) {
    return lit(1).minus(pow(lit(1).minus(pow(jaccard, rows)), bands));
  }
}

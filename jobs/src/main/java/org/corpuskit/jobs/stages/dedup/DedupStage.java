package org.corpuskit.jobs.stages.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corpuskit.jobs.config.DedupConfig;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.pipeline.StageContext;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageSpec;

/**
 * Stage {@code dedup}: documents to documents without duplicates, in the order URL, lines, exact, near.
 *
 * <ol>
 *   <li>URL: of the captures of one URL, the latest is kept ({@code url_duplicate}).
 *   <li>Lines (off by default): normalised lines found in at least {@code line_min_docs} documents are removed
 *       from all; a document left without text is rejected ({@code no_lines_left}).
 *   <li>Exact: of the documents with one normalised text, the best-ranked is kept ({@code exact_duplicate}).
 *   <li>Near: MinHash-LSH candidates (each bucket linked as a star to its best-ranked member), verified by exact
 *       Jaccard, clustered by {@link Components}; the best-ranked document of each cluster is kept
 *       ({@code fuzzy_duplicate}).
 * </ol>
 *
 * <p>Rank: the quality signal, highest first, when the input has it; then the earliest crawl; then the smallest
 * doc_id. It is a total order, and every choice (the copy kept of an exact group, a bucket's star centre, a
 * cluster's survivor) is made by it, as the capture kept of a URL is by fetch_time then doc_id, so the outcome
 * does not depend on partitioning. With {@code against}, the
 * documents of earlier releases' indexes rank first: a document duplicating one of theirs is removed, and they
 * are never written.
 *
 * <p>Writes {@code documents} (kept), {@code rejected} (with {@code reason} and {@code duplicate_of}, the doc_id
 * kept in its stead), {@code clusters} (every document of a group of two or more, by method),
 * {@code cluster_sizes} (a histogram), and {@code index} (this release's kept documents' keys, for
 * {@code against} in later runs).
 */
public final class DedupStage implements Stage {
  public static final String NAME = "dedup";
  /** The dataset it reads. */
  public static final String READS = "filter/documents";
  static final StageSpec SPEC = new StageSpec(NAME, "documents without URL, exact and near duplicates, across "
      + "the whole corpus and against earlier releases", List.of(new StageSpec.Input(READS, Schemas.DOCUMENTS)),
      List.of("documents", "rejected", "clusters", "cluster_sizes", "index", "removed_lines"),
      config -> List.of(config.dedup()), "dedup-1");

  static final String URL_DUPLICATE = "url_duplicate";
  static final String EXACT_DUPLICATE = "exact_duplicate";
  static final String FUZZY_DUPLICATE = "fuzzy_duplicate";

  private final String reads;

  /** The stage of {@code corpus run}, reading the filter stage's documents. */
  public DedupStage() {
    this(READS);
  }

  /** A dedup stage reading {@code reads}, such as {@code extract/documents} when filter is left out. */
  public DedupStage(String reads) {
    this.reads = reads;
  }

  @Override
  public StageSpec spec() {
    return reads.equals(READS) ? SPEC : SPEC.reading(List.of(new StageSpec.Input(reads, Schemas.DOCUMENTS)));
  }

  @Override
  public StageCounts run(StageContext context) {
    DedupConfig config = context.config().dedup();
    Dataset<Row> documents = context.read(reads);
    Dataset<Row> earlier = DedupIndex.read(context.spark(), config.against());
    List<Dataset<Row>> decisions = new ArrayList<>();
    Dataset<Row> docs = documents;
    Dataset<Row> removedLines = context.spark().createDataFrame(List.of(), LineDedup.REMOVED);
    Dataset<Row> emptied = null;
    if (config.lineMinDocs() > 0) {
      LineDedup.Result lines = LineDedup.apply(docs, config.lineMinDocs());
      docs = lines.edited().persist(StorageLevel.MEMORY_AND_DISK());
      emptied = lines.emptied();
      decisions.add(emptied);
      removedLines = lines.removed();
    }
    context.write(removedLines.coalesce(1), "removed_lines");
    Dataset<Row> keys = keys(docs, config).persist(StorageLevel.MEMORY_AND_DISK());
    // Filled by one job before the URL, exact and fuzzy plans read it: the stages adaptive execution runs side
    // by side would otherwise each compute the signatures of a partition not yet cached.
    context.spark().sparkContext().setJobDescription(NAME + ": signatures");
    keys.count();
    context.spark().sparkContext().setJobDescription(null);
    try {
      Dataset<Row> live = emptied == null ? keys : keys.join(emptied.select("doc_id"), "doc_id", "left_anti");
      if (config.url()) {
        Dataset<Row> rejected = url(live);
        decisions.add(decision(rejected, URL_DUPLICATE));
        live = live.join(rejected.select("doc_id"), "doc_id", "left_anti");
      }
      if (config.exact()) {
        Dataset<Row> rejected = exact(live, earlier);
        decisions.add(decision(rejected, EXACT_DUPLICATE));
        live = live.join(rejected.select("doc_id"), "doc_id", "left_anti");
      }
      Fuzzy.Result fuzzy = null;
      if (config.fuzzy()) {
        fuzzy = Fuzzy.apply(live, earlier, config);
        decisions.add(decision(fuzzy.rejected(), FUZZY_DUPLICATE));
        live = live.join(fuzzy.rejected().select("doc_id"), "doc_id", "left_anti");
      }
      Dataset<Row> decided = decisions.stream().reduce(Dataset::unionByName).orElse(null);
      write(context, documents, docs, decided);
      DedupIndex.write(context, live.select(DedupIndex.COLUMNS), config.against());
      if (fuzzy != null) {
        fuzzy.release();
      }
      context.write(Clusters.of(context.written("rejected")), "clusters");
      context.write(Clusters.sizes(context.written("clusters")).coalesce(1), "cluster_sizes");
    } finally {
      keys.unpersist();
      docs.unpersist();
    }
    return StageCounts.ofDocuments(documents, context.written("documents"), context.written("rejected"));
  }

  /**
   * Each document's doc_id, url, fetch_time and rank, with its {@link Signatures}: the one pass over the text
   * before the shuffles, which then move only these.
   */
  private static Dataset<Row> keys(Dataset<Row> docs, DedupConfig config) {
    Dataset<Row> light = docs.select(col("doc_id"), col("url"), col("fetch_time"), col("crawl"),
        rank(docs, config.qualitySignal()).as("rank"), col("text"), lang(docs));
    return Signatures.of(light, config);
  }

  /**
   * The order in which copies are preferred, as a struct that sorts best first: the negated quality signal
   * (missing last), the crawl (missing last), the doc_id.
   */
  static Column rank(Dataset<Row> docs, String qualitySignal) {
    List<Column> parts = new ArrayList<>();
    if (!qualitySignal.isEmpty() && hasSignal(docs.schema(), qualitySignal)) {
      parts.add(coalesce(col("signals." + qualitySignal).cast("double").multiply(-1), lit(Double.MAX_VALUE))
          .as("quality"));
    }
    parts.add(coalesce(col("crawl"), lit("\uffff")).as("crawl"));
    parts.add(col("doc_id"));
    return struct(parts.toArray(Column[]::new));
  }

  private static boolean hasSignal(StructType schema, String signal) {
    if (!List.of(schema.fieldNames()).contains("signals")
        || !(schema.apply("signals").dataType() instanceof StructType signals)) {
      return false;
    }
    return List.of(signals.fieldNames()).contains(signal);
  }

  /** The detected language from the filter's signals, else none: it picks the word splitter's rules. */
  private static Column lang(Dataset<Row> docs) {
    return (hasSignal(docs.schema(), "lang") ? col("signals.lang") : lit("")).as("lang");
  }

  /** Captures of a URL that a later capture of it replaces, with {@code duplicate_of}. */
  private static Dataset<Row> url(Dataset<Row> live) {
    // Documents made elsewhere may have no URL (an empty one): they are no captures of one page.
    Dataset<Row> latest = live.filter(col("url").isNotNull().and(col("url").notEqual(""))).groupBy("url")
        .agg(max(struct(col("fetch_time"), col("doc_id"))).getField("doc_id").as("duplicate_of"));
    return live.join(latest, "url").filter(col("doc_id").notEqual(col("duplicate_of")));
  }

  /**
   * Documents whose exact key another better-ranked document has, or a document of an earlier release: rows
   * with the document's columns and {@code duplicate_of}.
   */
  private static Dataset<Row> exact(Dataset<Row> live, Dataset<Row> earlier) {
    Dataset<Row> best = live.groupBy("exact_key").agg(min(col("rank")).getField("doc_id").as("duplicate_of"));
    Dataset<Row> rejected = live.join(best, "exact_key").filter(col("doc_id").notEqual(col("duplicate_of")));
    if (earlier == null) {
      return rejected;
    }
    Dataset<Row> old = earlier.groupBy("exact_key").agg(min("doc_id").as("earlier_doc"));
    Dataset<Row> againstEarlier = live.join(old, "exact_key").withColumn("duplicate_of", col("earlier_doc"))
        .drop("earlier_doc");
    return againstEarlier.unionByName(rejected.join(againstEarlier.select("doc_id"), "doc_id", "left_anti"));
  }

  private static Dataset<Row> decision(Dataset<Row> rejected, String reason) {
    return rejected.select(col("doc_id"), lit(reason).as("reason"), col("duplicate_of"));
  }

  /**
   * Splits the documents by the decisions: kept ones to documents, as line deduplication left their text
   * ({@code docs}), and the others to rejected with the text they came in with ({@code original}), so that a
   * reviewer sees what was removed.
   */
  private static void write(StageContext context, Dataset<Row> original, Dataset<Row> docs, Dataset<Row> decided) {
    if (decided == null) {
      context.write(docs, "documents");
      context.write(original.limit(0).withColumn("reason", lit(null).cast("string"))
          .withColumn("duplicate_of", lit(null).cast("string")), "rejected");
      return;
    }
    // The decisions are small (an id and a reason a duplicate); kept, they are not worked out twice.
    Dataset<Row> decisions = decided.dropDuplicates("doc_id").persist(StorageLevel.MEMORY_AND_DISK());
    try {
      context.write(docs.join(decisions.select("doc_id"), new String[] {"doc_id"}, "left_anti"), "documents");
      context.write(original.join(decisions, "doc_id"), "rejected");
    } finally {
      decisions.unpersist();
    }
  }

}

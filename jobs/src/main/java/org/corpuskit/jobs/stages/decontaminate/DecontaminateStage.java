package org.corpuskit.jobs.stages.decontaminate;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corpuskit.decontaminate.BenchmarkItem;
import org.corpuskit.decontaminate.BenchmarkSpec;
import org.corpuskit.decontaminate.NGramIndex;
import org.corpuskit.decontaminate.SpanCutter;
import org.corpuskit.decontaminate.Tokens;
import org.corpuskit.jobs.config.DecontaminateConfig;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.PerTask;
import org.corpuskit.jobs.pipeline.Preflight;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.pipeline.StageContext;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageSpec;

/**
 * Stage {@code decontaminate}: documents to documents without the test sets' text, in two passes.
 *
 * <ol>
 *   <li>The benchmarks' items are read on the driver and their n-grams made into an {@link NGramIndex}, broadcast
 *       to every task. Each document is scanned against it; every hit is verified by joining it with the
 *       items' n-grams on fingerprint and text, so a fingerprint collision or a Bloom false positive never
 *       counts.
 *   <li>Verified n-grams found in more than {@code max_documents} documents are common phrases and are set
 *       aside ({@code common_ngrams}); the rest are the {@code matches}. Each document with a match has the
 *       matched spans cut out with their surroundings ({@link SpanCutter}), or is dropped whole in
 *       {@code drop-document} mode.
 * </ol>
 *
 * <p>Writes {@code documents} (clean and cut ones), {@code rejected} (documents dropped, with {@code reason} and
 * the {@code benchmarks} found in them), {@code matches}, {@code common_ngrams} and {@code report.json} (per
 * benchmark: items, items found, documents and characters affected, examples with URLs), whose figures the run
 * summary also shows.
 */
public final class DecontaminateStage implements Stage {
  public static final String NAME = "decontaminate";
  /** The dataset it reads. */
  public static final String READS = "dedup/documents";
  static final StageSpec SPEC = new StageSpec(NAME, "documents with the text of the benchmarks cut out",
      List.of(new StageSpec.Input(READS, Schemas.DOCUMENTS)), List.of("documents", "rejected", "matches",
      "common_ngrams"), config -> List.of(config.decontaminate()), "decontaminate-1");

  static final String CONTAMINATED = "contaminated";

  static final StructType ITEMS = new StructType()
      .add("benchmark", DataTypes.StringType, false)
      .add("item_id", DataTypes.StringType, false)
      .add("text", DataTypes.StringType, false);
  private static final StructType ITEM_GRAMS = new StructType()
      .add("fingerprint", DataTypes.LongType, false)
      .add("ngram", DataTypes.StringType, false)
      .add("benchmark", DataTypes.StringType, false)
      .add("item_id", DataTypes.StringType, false);
  private static final StructType CANDIDATES = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("url", DataTypes.StringType, true)
      .add("fingerprint", DataTypes.LongType, false)
      .add("ngram", DataTypes.StringType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false);

  @Override
  public StageSpec spec() {
    return SPEC;
  }

  @Override
  public List<String> outsideFiles(PipelineConfig config) {
    return config.decontaminate().specs().stream().map(BenchmarkSpec::path).toList();
  }

  @Override
  public List<String> preflight(PipelineConfig config) {
    Preflight checks = new Preflight();
    List<BenchmarkSpec> specs = new ArrayList<>();
    checks.check("decontaminate.benchmarks", () -> specs.addAll(config.decontaminate().specs()));
    Configuration conf = Preflight.localConf();
    for (BenchmarkSpec spec : specs) {
      checks.checkLocal(spec.path(), "benchmark " + spec.name(), () -> BenchmarkFiles.check(spec, conf));
    }
    return checks.problems();
  }

  @Override
  public StageCounts run(StageContext context) {
    DecontaminateConfig config = context.config().decontaminate();
    Dataset<Row> documents = context.read(READS);
    List<BenchmarkFiles.Loaded> benchmarks = BenchmarkFiles.load(context.spark(), config.specs());
    Report report = new Report(config);
    NGramIndex index = index(benchmarks, config, report);
    Broadcast<NGramIndex> shared = JavaSparkContext.fromSparkContext(context.spark().sparkContext())
        .broadcast(index);
    Dataset<Row> items = context.spark().createDataFrame(itemRows(benchmarks), ITEMS);
    // Read twice, for the common n-grams and for the matches: kept rather than scanned and joined again. The
    // item n-grams are joined by sorting, never broadcast: Spark sizes them by the items' rows made on the driver
    // (20,000 items, 4 MB), while their n-grams with text are a hundred times more, and building that table
    // for a broadcast failed a 1 GB heap (MemoryBoundTest).
    Dataset<Row> verified = candidates(documents, shared).join(itemGrams(items, config).hint("merge"),
            new String[] {"fingerprint", "ngram"})
        .select("doc_id", "url", "benchmark", "item_id", "ngram", "start", "end")
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      context.write(common(verified, config.maxDocuments()), "common_ngrams");
      Dataset<Row> common = context.written("common_ngrams");
      context.write(verified.join(common.select("ngram"), new String[] {"ngram"}, "left_anti")
          .select("doc_id", "url", "benchmark", "item_id", "ngram", "start", "end"), "matches");
      Dataset<Row> matches = context.written("matches");
      Dataset<Row> spans = spans(matches);
      // Only the documents with a match are kept between the two writes: keeping every document's outcome
      // held the whole text in the cache, which ran a 1 GB heap out of memory at 1 GB of text (MemoryBoundTest).
      // The kept documents are cut again on their way out, a small cost paid by the few with a match.
      Dataset<Row> affected = cut(documents, spans, "inner", config).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        context.write(cut(documents, spans, "left", config).filter(col("reason").isNull())
            .drop("reason", "benchmarks", "chars_removed"), "documents");
        context.write(affected.filter(col("reason").isNotNull()).drop("chars_removed"), "rejected");
        report.found(matches, affected.select("doc_id", "reason", "benchmarks", "chars_removed"), common.count(),
            index);
      } finally {
        affected.unpersist();
      }
    } finally {
      verified.unpersist();
      shared.destroy();
    }
    context.writeFile("report.json", report.json());
    return StageCounts.ofDocuments(documents, context.written("documents"), context.written("rejected"))
        .withNotes(report.notes());
  }

  /** The index of every benchmark's n-grams, counting items and n-grams per benchmark into the report. */
  private static NGramIndex index(List<BenchmarkFiles.Loaded> benchmarks, DecontaminateConfig config,
      Report report) {
    NGramIndex.Builder builder = new NGramIndex.Builder(config.ngram(), config.minTokens(), config.setLimit(),
        config.bloomFalsePositiveRate());
    Tokens tokens = new Tokens();
    for (BenchmarkFiles.Loaded benchmark : benchmarks) {
      long grams = 0;
      // An item's length is its longest variant's.
      Map<String, Integer> longest = new HashMap<>();
      for (BenchmarkItem item : benchmark.items()) {
        grams += builder.add(tokens.of(item.text()));
        longest.merge(item.id(), tokens.count(), Math::max);
      }
      long whole = longest.values().stream().filter(t -> t >= config.minTokens() && t < config.ngram()).count();
      long tooShort = longest.values().stream().filter(t -> t < config.minTokens()).count();
      if (grams == 0) {
        throw new IllegalArgumentException("benchmark " + benchmark.spec().name() + ": none of its "
            + benchmark.items().size() + " items has " + config.minTokens() + " tokens, so it gives no n-grams "
            + "and would remove nothing; check its fields (" + benchmark.spec() + ")");
      }
      report.loaded(benchmark, longest.size(), whole, tooShort, grams);
    }
    return builder.build();
  }

  private static List<Row> itemRows(List<BenchmarkFiles.Loaded> benchmarks) {
    List<Row> rows = new ArrayList<>();
    benchmarks.forEach(b -> b.items().forEach(i -> rows.add(RowFactory.create(i.benchmark(), i.id(), i.text()))));
    return rows;
  }

  /** Each item's n-grams with their text, for verifying hits. */
  private static Dataset<Row> itemGrams(Dataset<Row> items, DecontaminateConfig config) {
    int n = config.ngram();
    int minTokens = config.minTokens();
    return items.mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows -> {
      Tokens tokens = new Tokens();
      List<Row> out = new ArrayList<>();
      rows.forEachRemaining(item -> {
        tokens.of(item.getString(2));
        NGramIndex.gramsOf(tokens, n, minTokens, (from, length, fingerprint) -> out.add(RowFactory.create(
            fingerprint, tokens.text(from, length), item.getString(0), item.getString(1))));
      });
      return out.iterator();
    }, Encoders.row(ITEM_GRAMS)).distinct();
  }

  /** The index's hits in every document, with the n-gram's text and its span in the document's text. */
  private static Dataset<Row> candidates(Dataset<Row> documents, Broadcast<NGramIndex> shared) {
    return documents.select("doc_id", "url", "text").flatMap((FlatMapFunction<Row, Row>) new ScanDocument(shared),
        Encoders.row(CANDIDATES));
  }

  /** Scans one document; keeps its {@link Tokens} between documents of a task. */
  private static final class ScanDocument implements FlatMapFunction<Row, Row> {
    private final Broadcast<NGramIndex> shared;
    private transient Tokens tokens;

    ScanDocument(Broadcast<NGramIndex> shared) {
      this.shared = shared;
    }

    @Override
    public java.util.Iterator<Row> call(Row document) {
      if (tokens == null) {
        tokens = new Tokens();
      }
      String text = document.getString(2);
      if (text == null) {
        return java.util.Collections.emptyIterator();
      }
      tokens.of(text);
      List<Row> hits = new ArrayList<>();
      shared.value().scan(tokens, (from, length, fingerprint) -> hits.add(RowFactory.create(document.getString(0),
          document.getString(1), fingerprint, tokens.text(from, length), tokens.start(from),
          tokens.end(from + length - 1))));
      return hits.iterator();
    }
  }

  /** Verified n-grams found in more documents than {@code maxDocuments}. */
  private static Dataset<Row> common(Dataset<Row> verified, int maxDocuments) {
    return verified.groupBy("ngram").agg(count_distinct(col("doc_id")).as("documents"),
            array_sort(collect_set("benchmark")).as("benchmarks"),
            count_distinct(col("benchmark"), col("item_id")).as("items"))
        .filter(col("documents").gt(maxDocuments));
  }

  /** The spans matched in each document, with the benchmarks they come from. */
  private static Dataset<Row> spans(Dataset<Row> matches) {
    return matches.groupBy("doc_id").agg(collect_list(struct(col("start"), col("end"))).as("spans"),
        array_sort(collect_set("benchmark")).as("benchmarks"));
  }

  /**
   * Documents joined ({@code inner} or {@code left}) with their spans, with their outcome: {@code reason} null for
   * a kept one (cut or untouched), the benchmarks matched in it (null when none) and the characters removed.
   */
  private static Dataset<Row> cut(Dataset<Row> documents, Dataset<Row> spans, String joinType,
      DecontaminateConfig config) {
    Dataset<Row> joined = documents.join(spans, new String[] {"doc_id"}, joinType);
    StructType out = outcomeSchema(joined.schema());
    int textAt = joined.schema().fieldIndex("text");
    int spansAt = joined.schema().fieldIndex("spans");
    int benchmarksAt = joined.schema().fieldIndex("benchmarks");
    boolean dropDocuments = config.dropsDocuments();
    int window = config.window();
    int minPiece = config.minPiece();
    int maxPieces = config.maxPieces();
    return PerTask.map(joined, out, () -> new SpanCutter(window, minPiece, maxPieces), (cutter, row) -> {
      Object[] values = new Object[out.fields().length];
      int at = 0;
      for (int i = 0; i < row.length(); i++) {
        if (i != spansAt && i != benchmarksAt) {
          values[at++] = row.get(i);
        }
      }
      values[at + 1] = row.get(benchmarksAt);
      if (row.isNullAt(spansAt)) {
        values[at + 2] = 0;
        return RowFactory.create(values);
      }
      String text = row.getString(textAt);
      if (dropDocuments) {
        values[at] = CONTAMINATED;
        values[at + 2] = text.length();
        return RowFactory.create(values);
      }
      List<int[]> cuts = new ArrayList<>();
      for (Row span : row.<Row>getList(spansAt)) {
        cuts.add(new int[] {span.getInt(0), span.getInt(1)});
      }
      SpanCutter.Cut cut = cutter.cut(text, cuts);
      // A dropped document keeps its text whole, so that a reviewer of rejected sees what was removed.
      values[textAt] = cut.text() == null || cut.dropped() != null ? text : cut.text();
      values[at] = cut.dropped();
      values[at + 2] = cut.charsRemoved();
      return RowFactory.create(values);
    });
  }

  /** The document columns, then reason, benchmarks and chars_removed. */
  private static StructType outcomeSchema(StructType joined) {
    StructType out = new StructType();
    for (var field : joined.fields()) {
      if (!field.name().equals("spans") && !field.name().equals("benchmarks")) {
        out = out.add(field);
      }
    }
    return out.add("reason", DataTypes.StringType, true)
        .add("benchmarks", DataTypes.createArrayType(DataTypes.StringType, false), true)
        .add("chars_removed", DataTypes.IntegerType, false);
  }
}

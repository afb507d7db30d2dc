package org.corpuskit.jobs.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.decontaminate.BenchmarkItem;
import org.corpuskit.decontaminate.BenchmarkSpec;
import org.corpuskit.decontaminate.Tokens;
import org.corpuskit.eval.Perturbation;
import org.corpuskit.eval.UdhrParagraph;
import org.corpuskit.eval.UdhrParagraphs;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.stages.decontaminate.BenchmarkFiles;

/**
 * {@code corpus eval decontamination}: plants test items into real documents and measures what the stage
 * finds. Every document is kept as it is (the clean set). Of each benchmark's items with at least
 * {@code min_tokens} tokens (an item with variants plants its first), up to {@code plants} drawn at random are
 * each inserted verbatim at a paragraph break of a copy of a random document, and perturbed into a copy of
 * another: by one {@link Perturbation.Kind} in turn (case, punctuation, typography, white space, surrounding
 * words, all at once), so that every kind is measured on every benchmark. Recall is the share of planted copies
 * whose matches name the planted item; false removals are the clean documents with any match. A clean document
 * can truly quote a benchmark: the report lists those it matched, to be read. Not thread-safe.
 */
public final class DecontaminationEval {
  static final StructType PLANTS = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("variant", DataTypes.StringType, false)
      .add("benchmark", DataTypes.StringType, false)
      .add("item_id", DataTypes.StringType, false);

  private DecontaminationEval() {}

  /** Planted copies and how many of them were found; recall null when nothing was planted. */
  public record Recall(long planted, long found, Double recall) {
    static Recall of(long planted, long found) {
      return new Recall(planted, found, planted == 0 ? null : (double) found / planted);
    }

    String shown() {
      return recall == null ? "-" : String.format(Locale.ROOT, "%.4f", recall);
    }
  }

  /**
   * One benchmark's figures.
   *
   * @param items the items read (records)
   * @param eligible the items with at least {@code min_tokens} tokens, which can be planted and found
   */
  public record BenchmarkRecall(String name, long items, long eligible, Recall verbatim, Recall perturbed) {}

  /**
   * The evaluation's figures.
   *
   * @param byKind recall of the perturbed copies by kind of perturbation, over all benchmarks
   * @param falseMatches up to 20 clean documents that matched: doc_id, the benchmark, the item and the n-gram
   * @param missed up to 20 planted copies not found: doc_id, the benchmark and the item
   */
  public record Report(long clean, long cleanMatched, double falseRemovalRate, Recall verbatim, Recall perturbed,
      List<BenchmarkRecall> benchmarks, Map<String, Recall> byKind, List<String> falseMatches,
      List<String> missed) {}

  /**
   * The documents to run the stage on, which of them hold which planted item, and per benchmark its items and
   * how many were long enough to plant.
   */
  public record Planted(Dataset<Row> documents, Dataset<Row> plants, Map<String, long[]> items) {}

  /**
   * Builds the evaluation's documents from {@code texts} (column text) and the items of {@code specs}, read as
   * the stage reads them: up to {@code plants} items of each benchmark.
   */
  public static Planted plant(SparkSession spark, Dataset<Row> texts, List<BenchmarkSpec> specs, int plants,
      int minTokens, long seed) {
    List<String> bases = texts.select("text").filter(col("text").isNotNull()).dropDuplicates("text")
        .orderBy("text").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    if (bases.isEmpty()) {
      throw new IllegalArgumentException("no documents to plant items into");
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Row> documents = new ArrayList<>();
    for (int i = 0; i < bases.size(); i++) {
      documents.add(document("clean-" + i, bases.get(i)));
    }
    List<Row> planted = new ArrayList<>();
    Map<String, long[]> items = new LinkedHashMap<>();
    Tokens tokens = new Tokens();
    Perturbation.Kind[] kinds = Perturbation.Kind.values();
    int k = 0;
    for (BenchmarkFiles.Loaded benchmark : BenchmarkFiles.load(spark, specs)) {
      Map<String, BenchmarkItem> first = new LinkedHashMap<>();
      benchmark.items().forEach(item -> first.putIfAbsent(item.id(), item));
      List<BenchmarkItem> eligible = new ArrayList<>(first.values().stream()
          .filter(i -> tokens.of(i.text()).count() >= minTokens).toList());
      items.put(benchmark.spec().name(), new long[] {first.size(), eligible.size()});
      java.util.Collections.shuffle(eligible, new java.util.Random(seed));
      for (int p = 0; p < Math.min(plants, eligible.size()); p++, k++) {
        BenchmarkItem item = eligible.get(p);
        Perturbation.Kind kind = kinds[p % kinds.length];
        String verbatim = "verbatim-" + k;
        String perturbed = "perturbed-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + k;
        documents.add(document(verbatim, insert(bases.get(random.nextInt(bases.size())), item.text(), random)));
        documents.add(document(perturbed, insert(bases.get(random.nextInt(bases.size())),
            Perturbation.of(item.text(), kind, random), random)));
        planted.add(RowFactory.create(verbatim, "verbatim", item.benchmark(), item.id()));
        planted.add(RowFactory.create(perturbed, kind.name().toLowerCase(java.util.Locale.ROOT), item.benchmark(),
            item.id()));
      }
    }
    return new Planted(spark.createDataFrame(documents, Schemas.DOCUMENTS), spark.createDataFrame(planted, PLANTS),
        items);
  }

  /** Scores the stage's {@code matches} against what was planted. */
  public static Report score(Planted planted, Dataset<Row> matches) {
    Dataset<Row> plants = planted.plants().withColumn("found", lit(false));
    Dataset<Row> found = planted.plants().join(matches.select("doc_id", "benchmark", "item_id").distinct(),
        new String[] {"doc_id", "benchmark", "item_id"}, "left_semi").withColumn("found", lit(true));
    // Per benchmark and variant (verbatim, or the kind of perturbation): copies planted, copies found.
    Map<String, Map<String, long[]>> counts = new TreeMap<>();
    plants.unionByName(found).groupBy("benchmark", "variant").agg(count_if(not(col("found"))), count_if(col("found")))
        .collectAsList().forEach(r -> counts.computeIfAbsent(r.getString(0), b -> new TreeMap<>())
            .put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)}));
    List<BenchmarkRecall> benchmarks = new ArrayList<>();
    long[] verbatim = new long[2];
    long[] perturbed = new long[2];
    Map<String, long[]> kinds = new LinkedHashMap<>();
    for (Perturbation.Kind kind : Perturbation.Kind.values()) {
      kinds.put(kind.name().toLowerCase(java.util.Locale.ROOT), new long[2]);
    }
    for (Map.Entry<String, long[]> benchmark : planted.items().entrySet()) {
      long[] v = new long[2];
      long[] p = new long[2];
      counts.getOrDefault(benchmark.getKey(), Map.of()).forEach((variant, c) -> {
        long[] into = variant.equals("verbatim") ? v : p;
        into[0] += c[0];
        into[1] += c[1];
        if (!variant.equals("verbatim")) {
          kinds.get(variant)[0] += c[0];
          kinds.get(variant)[1] += c[1];
        }
      });
      benchmarks.add(new BenchmarkRecall(benchmark.getKey(), benchmark.getValue()[0], benchmark.getValue()[1],
          Recall.of(v[0], v[1]), Recall.of(p[0], p[1])));
      verbatim[0] += v[0];
      verbatim[1] += v[1];
      perturbed[0] += p[0];
      perturbed[1] += p[1];
    }
    Map<String, Recall> byKind = new LinkedHashMap<>();
    kinds.forEach((kind, c) -> byKind.put(kind, Recall.of(c[0], c[1])));
    Dataset<Row> clean = planted.documents().filter(col("doc_id").startsWith("clean-"));
    Dataset<Row> cleanMatches = matches.filter(col("doc_id").startsWith("clean-"));
    long cleanCount = clean.count();
    long cleanMatched = cleanMatches.select("doc_id").distinct().count();
    List<String> falseMatches = cleanMatches.orderBy("doc_id", "start").dropDuplicates("doc_id").limit(20)
        .collectAsList().stream().map(r -> r.getAs("doc_id") + " " + r.getAs("benchmark") + " "
            + r.getAs("item_id") + ": " + r.getAs("ngram")).toList();
    List<String> missed = planted.plants().join(found.select("doc_id"), new String[] {"doc_id"}, "left_anti")
        .orderBy("doc_id").limit(20).collectAsList()
        .stream().map(r -> r.getAs("doc_id") + " " + r.getAs("benchmark") + " " + r.getAs("item_id")).toList();
    return new Report(cleanCount, cleanMatched, rate(cleanMatched, cleanCount), Recall.of(verbatim[0], verbatim[1]),
        Recall.of(perturbed[0], perturbed[1]), benchmarks, byKind, falseMatches, missed);
  }

  /** The report as the command prints it: a line per benchmark, per kind of perturbation, and the clean set. */
  public static String table(Report report) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %8s %9s %8s %10s %10s%n", "benchmark",
        "items", "eligible", "planted", "verbatim", "perturbed"));
    for (BenchmarkRecall b : report.benchmarks()) {
      out.append(String.format(Locale.ROOT, "%-16s %8d %9d %8d %10s %10s%n", b.name(), b.items(), b.eligible(),
          b.verbatim().planted(), b.verbatim().shown(), b.perturbed().shown()));
    }
    out.append(String.format(Locale.ROOT, "%-16s %8s %9s %8d %10s %10s%n%nperturbed, by kind:%n", "all", "", "",
        report.verbatim().planted(), report.verbatim().shown(), report.perturbed().shown()));
    report.byKind().forEach((kind, r) -> out.append(String.format(Locale.ROOT, "  %-14s %6d planted, recall "
        + "%s%n", kind, r.planted(), r.shown())));
    return out.append(String.format(Locale.ROOT, "false removals: %.4f%% of %d clean documents (%d)%n",
        100 * report.falseRemovalRate(), report.clean(), report.cleanMatched())).toString();
  }

  /** Every UDHR translation under {@code dir}, ten paragraphs a document, in file and paragraph order. */
  public static List<String> udhrDocuments(java.nio.file.Path dir) {
    Map<String, List<String>> byFile = new java.util.TreeMap<>();
    for (UdhrParagraph paragraph : UdhrParagraphs.load(dir)) {
      byFile.computeIfAbsent(paragraph.file(), f -> new ArrayList<>()).add(paragraph.text());
    }
    List<String> documents = new ArrayList<>();
    byFile.values().forEach(paragraphs -> {
      for (int i = 0; i < paragraphs.size(); i += 10) {
        documents.add(String.join("\n\n", paragraphs.subList(i, Math.min(paragraphs.size(), i + 10))));
      }
    });
    return documents;
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  /** {@code item} as a paragraph of its own at a random paragraph break of {@code text} (or at its end). */
  static String insert(String text, String item, SplittableRandom random) {
    List<Integer> breaks = new ArrayList<>();
    for (int at = text.indexOf("\n\n"); at >= 0; at = text.indexOf("\n\n", at + 2)) {
      breaks.add(at);
    }
    breaks.add(text.length());
    int at = breaks.get(random.nextInt(breaks.size()));
    return text.substring(0, at) + "\n\n" + item + "\n\n" + text.substring(at).stripLeading();
  }

  private static Row document(String id, String text) {
    return RowFactory.create(id, "https://eval.example/" + id, "eval.example", "eval.example", "EVAL", null,
        "eval", 0L, "text/html", "utf-8", 0, 200, "", "", text, "eval", "eval", false);
  }
}

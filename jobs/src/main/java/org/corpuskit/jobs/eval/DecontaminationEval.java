package org.corpuskit.jobs.eval;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * finds. Every document is kept as it is (the clean set); of the benchmark items with at least
 * {@code min_tokens} tokens, {@code plants} drawn at random are each inserted verbatim at a paragraph break of a
 * copy of a random document, and, perturbed by {@link Perturbation} (case, punctuation, white space, line breaks,
 * surrounding words), into a copy of another. Recall is the share of planted copies whose matches name the
 * planted item; false removals are the clean documents with any match. A clean document can truly quote a
 * benchmark: the report lists those it matched, to be read. Not thread-safe.
 */
public final class DecontaminationEval {
  static final StructType PLANTS = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("variant", DataTypes.StringType, false)
      .add("benchmark", DataTypes.StringType, false)
      .add("item_id", DataTypes.StringType, false);

  private DecontaminationEval() {}

  /**
   * The evaluation's figures.
   *
   * @param falseMatches up to 20 clean documents that matched: doc_id, url and the item
   * @param missed up to 20 planted copies not found: variant, item and the planted text
   */
  public record Report(long clean, long cleanMatched, double falseRemovalRate, long verbatim, long verbatimFound,
      double verbatimRecall, long perturbed, long perturbedFound, double perturbedRecall, long itemsEligible,
      List<String> falseMatches, List<String> missed) {}

  /**
   * The documents to run the stage on, which of them hold which planted item, and how many items were long
   * enough to plant.
   */
  public record Planted(Dataset<Row> documents, Dataset<Row> plants, long itemsEligible) {}

  /**
   * Builds the evaluation's documents from {@code texts} (column text) and the items of {@code specs}, read as
   * the stage reads them.
   */
  public static Planted plant(SparkSession spark, Dataset<Row> texts, List<BenchmarkSpec> specs, int plants,
      int minTokens, long seed) {
    List<String> bases = texts.select("text").filter(col("text").isNotNull()).dropDuplicates("text")
        .orderBy("text").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    if (bases.isEmpty()) {
      throw new IllegalArgumentException("no documents to plant items into");
    }
    List<BenchmarkItem> eligible = new ArrayList<>();
    Tokens tokens = new Tokens();
    for (BenchmarkFiles.Loaded benchmark : BenchmarkFiles.load(spark, specs)) {
      benchmark.items().stream().filter(i -> tokens.of(i.text()).count() >= minTokens).forEach(eligible::add);
    }
    java.util.Collections.shuffle(eligible, new java.util.Random(seed));
    SplittableRandom random = new SplittableRandom(seed);
    List<Row> documents = new ArrayList<>();
    for (int i = 0; i < bases.size(); i++) {
      documents.add(document("clean-" + i, bases.get(i)));
    }
    List<Row> planted = new ArrayList<>();
    int count = Math.min(plants, eligible.size());
    for (int k = 0; k < count; k++) {
      BenchmarkItem item = eligible.get(k);
      String verbatim = "verbatim-" + k;
      String perturbed = "perturbed-" + k;
      documents.add(document(verbatim, insert(bases.get(random.nextInt(bases.size())), item.text(), random)));
      documents.add(document(perturbed, insert(bases.get(random.nextInt(bases.size())),
          Perturbation.of(item.text(), random), random)));
      planted.add(RowFactory.create(verbatim, "verbatim", item.benchmark(), item.id()));
      planted.add(RowFactory.create(perturbed, "perturbed", item.benchmark(), item.id()));
    }
    return new Planted(spark.createDataFrame(documents, Schemas.DOCUMENTS), spark.createDataFrame(planted, PLANTS),
        eligible.size());
  }

  /** Scores the stage's {@code matches} against what was planted. */
  public static Report score(Planted planted, Dataset<Row> matches) {
    Dataset<Row> found = planted.plants().join(matches.select("doc_id", "benchmark", "item_id").distinct(),
        new String[] {"doc_id", "benchmark", "item_id"}, "left_semi");
    Map<String, long[]> byVariant = new HashMap<>();
    planted.plants().groupBy("variant").count().collectAsList()
        .forEach(r -> byVariant.computeIfAbsent(r.getString(0), v -> new long[2])[0] = r.getLong(1));
    found.groupBy("variant").count().collectAsList()
        .forEach(r -> byVariant.computeIfAbsent(r.getString(0), v -> new long[2])[1] = r.getLong(1));
    Dataset<Row> clean = planted.documents().filter(col("doc_id").startsWith("clean-"));
    Dataset<Row> cleanMatches = matches.filter(col("doc_id").startsWith("clean-"));
    long cleanCount = clean.count();
    long cleanMatched = cleanMatches.select("doc_id").distinct().count();
    List<String> falseMatches = cleanMatches.orderBy("doc_id", "start").dropDuplicates("doc_id").limit(20)
        .collectAsList().stream().map(r -> r.getAs("doc_id") + " " + r.getAs("benchmark") + " "
            + r.getAs("item_id") + ": " + r.getAs("ngram")).toList();
    List<String> missed = planted.plants().join(found, new String[] {"doc_id"}, "left_anti").orderBy("doc_id")
        .limit(20).collectAsList()
        .stream().map(r -> r.getAs("doc_id") + " " + r.getAs("benchmark") + " " + r.getAs("item_id")).toList();
    long[] verbatim = byVariant.getOrDefault("verbatim", new long[2]);
    long[] perturbed = byVariant.getOrDefault("perturbed", new long[2]);
    return new Report(cleanCount, cleanMatched, rate(cleanMatched, cleanCount), verbatim[0], verbatim[1],
        rate(verbatim[1], verbatim[0]), perturbed[0], perturbed[1], rate(perturbed[1], perturbed[0]),
        planted.itemsEligible(),
        falseMatches, missed);
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

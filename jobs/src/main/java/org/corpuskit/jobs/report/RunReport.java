package org.corpuskit.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.jobs.pipeline.Datasets;
import org.corpuskit.report.Chart;
import org.corpuskit.report.ReportPage;
import org.corpuskit.report.ReportPage.Section;
import org.corpuskit.report.Svg;
import org.corpuskit.report.Svg.Bar;

/**
 * {@code OUT/report.html}: what a run did, drawn from its own outputs (stats.json, run.json, the stages'
 * datasets and reports), so that {@code corpus report OUT} draws it again for any run. A stage that did not run
 * leaves its sections out; {@code report.json} beside the page holds its figures for notebooks. Not thread-safe.
 */
public final class RunReport {
  static final String FILE = "report.html";
  static final String DATA = "report.json";
  /** Signals drawn with the threshold of the rule that tests them, when a rule does. */
  private static final List<String> SIGNALS = List.of("word_count", "mean_word_length", "alpha_words_ratio",
      "stop_words", "c4_sentences", "dup_line_char_frac", "lang_score", "char_dup_ratio");
  private static final Pattern RULE = Pattern.compile("^signals\\.(\\w+)\\s*([<>]=?)\\s*(-?[0-9.]+)$");
  private static final int EXAMPLES = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark;
  private final Path root;
  private final FileSystem fs;

  private RunReport(SparkSession spark, String out) {
    this.spark = spark;
    try {
      Path path = new Path(out);
      this.fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      this.root = fs.makeQualified(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + out, e);
    }
  }

  /**
   * Draws the report of the run in {@code out} and writes it there, {@value #FILE} and its figures as
   * {@value #DATA}; returns the page's path.
   */
  public static String write(SparkSession spark, String out) {
    RunReport report = new RunReport(spark, out);
    JsonNode run = report.json("run.json").orElse(JSON.createObjectNode());
    // The page and its data are shared; a path given with credentials in it must not travel with them.
    String title = "corpus run: " + org.corpuskit.jobs.config.Secrets.scrub(report.root.toString());
    String subtitle = run.path("status").asText("?") + ", code " + abbreviated(run.path("code_version").asText("?"))
        + ", Spark " + run.path("spark_version").asText("?") + ", " + run.at("/inputs/files").size()
        + (run.at("/inputs/files").size() == 1 ? " input file" : " input files") + ", started "
        + run.path("started").asText("?").replaceFirst("\\.\\d+Z$", "Z");
    List<Section> sections = report.sections(run);
    report.write(DATA, ReportPage.json(title, subtitle, sections));
    return report.write(FILE, ReportPage.html(title, subtitle, sections));
  }

  private String write(String name, String text) {
    Path file = new Path(root, name);
    try (OutputStream stream = fs.create(file, true)) {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file.toString();
  }

  private List<Section> sections(JsonNode run) {
    JsonNode stats = json("stats.json").orElseThrow(() ->
        new org.corpuskit.jobs.pipeline.UsageException(root + " holds no stats.json: name a run's --out"));
    List<Section> sections = new ArrayList<>();
    sections.add(funnel(stats));
    sections.add(time(stats));
    sections.add(rejections(stats));
    languages().ifPresent(sections::add);
    lengths().ifPresent(sections::add);
    signals(run).ifPresent(sections::add);
    clusters().ifPresent(sections::add);
    json("decontaminate/report.json").map(RunReport::contamination).ifPresent(sections::add);
    json("mix/report.json").map(RunReport::mixture).ifPresent(sections::add);
    json("pack/manifest.json").map(RunReport::tokens).ifPresent(sections::add);
    return sections;
  }

  private static Section funnel(JsonNode stats) {
    List<Bar> bars = new ArrayList<>();
    List<Bar> chars = new ArrayList<>();
    for (JsonNode stage : stats.path("stages")) {
      bars.add(new Bar(stage.path("stage").asText(), stage.path("out").asDouble(), stage.path("in").asDouble()));
      if (stage.path("chars_out").asLong(-1) >= 0) {
        chars.add(new Bar(stage.path("stage").asText(), stage.path("chars_out").asDouble(),
            stage.path("chars_in").asLong(-1) >= 0 ? stage.path("chars_in").asDouble() : Double.NaN));
      }
    }
    return new Section("funnel", "Funnel", "Records in (light) and out (dark) of each stage: in = out + rejected "
        + "+ failed. Extract counts archive records in and documents out; tokenize and later stages count every "
        + "source's documents.", List.of(new Chart.Bars("Documents per stage", bars, "records"),
        new Chart.Bars("Characters per stage", chars, "characters")), List.of(), List.of());
  }

  private static Section time(JsonNode stats) {
    List<Bar> bars = new ArrayList<>();
    for (JsonNode stage : stats.path("stages")) {
      bars.add(Bar.of(stage.path("stage").asText() + (stage.path("reused").asBoolean() ? " (reused)" : ""),
          stage.path("seconds").asDouble()));
    }
    return new Section("time", "Time per stage", "Seconds each stage took when it ran (a reused stage shows the "
        + "time of the run that made it).", List.of(new Chart.Bars("Seconds per stage", bars, "s")), List.of(), List.of());
  }

  private Section rejections(JsonNode stats) {
    List<Chart> charts = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    for (JsonNode stage : stats.path("stages")) {
      String name = stage.path("stage").asText();
      List<Bar> bars = new ArrayList<>();
      stage.path("rejected_by_reason").fields().forEachRemaining(e -> bars.add(Bar.of(e.getKey(),
          e.getValue().asDouble())));
      stage.path("failed_by_reason").fields().forEachRemaining(e -> bars.add(Bar.of("failed: " + e.getKey(),
          e.getValue().asDouble())));
      if (bars.isEmpty()) {
        continue;
      }
      bars.sort((a, b) -> Double.compare(b.value(), a.value()));
      charts.add(new Chart.Bars(name + ": rejected and failed by reason", bars, "records"));
      if (name.equals("filter") || name.equals("dedup") || name.equals("decontaminate")) {
        examples.addAll(examples(name));
      }
    }
    return new Section("rejections", "Rejections by reason", "What each stage removed and why; under the charts, "
        + EXAMPLES + " documents of each reason, the same ones every time.", charts, List.of(), examples);
  }

  private List<String> examples(String stage) {
    Optional<Dataset<Row>> rejected = dataset(stage + "/rejected");
    if (rejected.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    Dataset<Row> ranked = rejected.get().select(col("reason"), col("url"), col("text"))
        .withColumn("rank", org.apache.spark.sql.functions.row_number().over(
            org.apache.spark.sql.expressions.Window.partitionBy("reason").orderBy(xxhash64(col("url")), col("url"))))
        .filter(col("rank").leq(EXAMPLES)).orderBy("reason", "rank");
    for (Row row : ranked.collectAsList()) {
      String text = row.getString(2).replaceAll("\\s+", " ").strip();
      lines.add(stage + " · " + row.getString(0) + " · " + row.getString(1) + " · "
          + (text.length() > 160 ? text.substring(0, 160) + "…" : text));
    }
    return lines;
  }

  private Optional<Section> languages() {
    Optional<Dataset<Row>> kept = dataset("filter/documents");
    Optional<Dataset<Row>> rejected = dataset("filter/rejected");
    if (kept.isEmpty() || rejected.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> after = counts(kept.get().groupBy(col("signals.lang")).count());
    Map<String, Long> before = counts(kept.get().select(col("signals.lang"))
        .unionByName(rejected.get().select(col("signals.lang"))).groupBy("lang").count());
    List<Bar> bars = new ArrayList<>();
    before.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(20)
        .forEach(e -> bars.add(new Bar(e.getKey().isEmpty() ? "(none)" : e.getKey(), after.getOrDefault(e.getKey(),
            0L), e.getValue())));
    return Optional.of(new Section("languages", "Languages", "Documents per detected language before filtering "
        + "(light) and after (dark); the 20 most common.", List.of(new Chart.Bars("Documents per language", bars,
        "documents")), List.of(), List.of()));
  }

  private Optional<Section> lengths() {
    Optional<Dataset<Row>> kept = dataset("filter/documents");
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    // Quarter decades of characters, from 1 to 10^7.
    Map<Long, Long> counts = new LinkedHashMap<>();
    for (Row row : kept.get().select(least(lit(27L), greatest(lit(0L), floor(log10(greatest(length(col("text")),
        lit(1))).multiply(4)))).as("bin")).groupBy("bin").agg(count(lit(1))).collectAsList()) {
      counts.put(row.getLong(0), row.getLong(1));
    }
    List<Svg.Bin> bins = new ArrayList<>();
    for (long b = 0; b < 28; b++) {
      bins.add(new Svg.Bin(Math.pow(10, b / 4.0), Math.pow(10, (b + 1) / 4.0), counts.getOrDefault(b, 0L)));
    }
    while (bins.size() > 1 && bins.get(0).count() == 0) {
      bins.remove(0);
    }
    while (bins.size() > 1 && bins.get(bins.size() - 1).count() == 0) {
      bins.remove(bins.size() - 1);
    }
    return Optional.of(new Section("lengths", "Document lengths", "Characters per document kept by the filter, "
        + "on a logarithmic scale (four bins a decade).", List.of(new Chart.Histogram("Characters per document", bins,
        Double.NaN, "characters (log scale)")), List.of(), List.of()));
  }

  private Optional<Section> signals(JsonNode run) {
    Optional<Dataset<Row>> kept = dataset("filter/documents");
    Optional<Dataset<Row>> rejected = dataset("filter/rejected");
    if (kept.isEmpty() || rejected.isEmpty()) {
      return Optional.empty();
    }
    Dataset<Row> all = kept.get().select(col("signals")).unionByName(rejected.get().select(col("signals")));
    StructType fields = (StructType) all.schema().apply("signals").dataType();
    Map<String, List<Double>> thresholds = new LinkedHashMap<>();
    Map<String, String> tested = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = run.at("/config/filter/rules").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> rule = it.next();
      Matcher m = RULE.matcher(rule.getValue().asText().strip());
      if (m.matches()) {
        thresholds.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Double.parseDouble(m.group(3)));
        tested.put(rule.getKey(), m.group(1));
      }
    }
    // A language's own rules (filter.languages) can turn a rule off or change it; the chart says for which, so
    // that documents kept across the line are not a surprise.
    Map<String, java.util.SortedSet<String>> off = new LinkedHashMap<>();
    Map<String, java.util.SortedSet<String>> changed = new LinkedHashMap<>();
    run.at("/config/filter/languages").fields().forEachRemaining(lang -> lang.getValue().path("rules").fields()
        .forEachRemaining(rule -> {
          String signal = tested.get(rule.getKey());
          if (signal != null) {
            (rule.getValue().asText().isBlank() ? off : changed).computeIfAbsent(signal,
                k -> new java.util.TreeSet<>()).add(lang.getKey());
          }
        }));
    List<Chart> charts = new ArrayList<>();
    for (String signal : SIGNALS) {
      if (!List.of(fields.fieldNames()).contains(signal)
          || !(fields.apply(signal).dataType() instanceof NumericType)) {
        continue;
      }
      Dataset<Row> values = all.select(col("signals." + signal).cast("double").as("v")).na().drop();
      double[] range = values.stat().approxQuantile("v", new double[] {0.01, 0.99}, 0.001);
      if (range.length < 2) {
        continue;
      }
      // Of a signal's thresholds (Gopher's word count has a floor and a ceiling), the one nearest the data; the
      // axis reaches it when it is near, and a far one is drawn at the edge.
      double spread = Math.max(range[1] - range[0], 1e-9);
      double threshold = thresholds.getOrDefault(signal, List.of()).stream().min(java.util.Comparator.comparingDouble(
          t -> Math.max(0, Math.max(range[0] - t, t - range[1])))).orElse(Double.NaN);
      boolean near = !Double.isNaN(threshold) && threshold >= range[0] - spread / 2
          && threshold <= range[1] + spread / 2;
      double low = near ? Math.min(range[0], threshold) : range[0];
      double high = near ? Math.max(range[1], threshold) : range[1];
      if (high <= low) {
        high = low + 1;
      }
      int count = 30;
      double width = (high - low) / count;
      Map<Long, Long> counts = new LinkedHashMap<>();
      for (Row row : values.select(least(lit((long) count - 1), greatest(lit(0L), floor(col("v").minus(low)
          .divide(width)))).as("bin")).groupBy("bin").agg(count(lit(1))).collectAsList()) {
        counts.put(row.getLong(0), row.getLong(1));
      }
      List<Svg.Bin> bins = new ArrayList<>();
      for (long b = 0; b < count; b++) {
        bins.add(new Svg.Bin(low + b * width, low + (b + 1) * width, counts.getOrDefault(b, 0L)));
      }
      String exceptions = (off.containsKey(signal) ? "; off for " + String.join(", ", off.get(signal)) : "")
          + (changed.containsKey(signal) ? "; other for " + String.join(", ", changed.get(signal)) : "");
      charts.add(new Chart.Histogram(signal, bins, threshold, signal + (Double.isNaN(threshold) ? ""
          : " (dashed: the rule's threshold" + exceptions + ")")));
    }
    return charts.isEmpty() ? Optional.empty() : Optional.of(new Section("signals", "Quality signals",
        "Each signal over every document the filter saw (kept and rejected), from the 1st to the 99th percentile, "
        + "with the threshold of the rule that tests it.", charts, List.of(), List.of()));
  }

  private Optional<Section> clusters() {
    return dataset("dedup/cluster_sizes").map(sizes -> {
      List<Bar> bars = new ArrayList<>();
      for (Row row : sizes.orderBy("method", "cluster_size").collectAsList()) {
        bars.add(Bar.of(row.getAs("method") + ", size " + row.getAs("cluster_size"),
            ((Number) row.getAs("clusters")).doubleValue()));
      }
      return new Section("clusters", "Duplicate clusters", "Groups of duplicates by method and size: how many "
          + "groups of each size dedup found (each keeps one document).", List.of(new Chart.Bars("Clusters by size",
          bars, "clusters")), List.of(), List.of());
    });
  }

  private static Section contamination(JsonNode report) {
    List<Bar> bars = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (JsonNode b : report.path("benchmarks")) {
      bars.add(new Bar(b.path("name").asText(), b.path("items_found").asDouble(), b.path("items").asDouble()));
      notes.add(String.format(java.util.Locale.ROOT, "%s: %,d of %,d items found in %,d documents, %,d dropped, "
          + "%,d characters removed", b.path("name").asText(), b.path("items_found").asLong(),
          b.path("items").asLong(), b.path("documents_affected").asLong(), b.path("documents_dropped").asLong(),
          b.path("characters_removed").asLong()));
    }
    if (bars.isEmpty()) {
      notes.add("No benchmarks were given, so nothing was decontaminated.");
    }
    return new Section("contamination", "Contamination", "Benchmark items found in the documents (dark) of all "
        + "items (light), per benchmark; " + report.path("ngram").asInt() + "-gram matches, mode "
        + report.path("mode").asText() + ".", bars.isEmpty() ? List.of() : List.of(new Chart.Bars("Items found", bars,
        "items")), notes, List.of());
  }

  private static Section mixture(JsonNode report) {
    List<Bar> natural = new ArrayList<>();
    List<Bar> realised = new ArrayList<>();
    for (JsonNode s : report.path("sources")) {
      natural.add(Bar.of(s.path("source").asText(), 100 * s.path("natural_share").asDouble()));
      realised.add(new Bar(s.path("source").asText(), 100 * s.path("realised_share").asDouble(),
          100 * s.path("target_share").asDouble()));
    }
    return new Section("mixture", "Mixture", "Each source's share of tokens as it came (natural), and as the "
        + "training set holds it (dark) against the target (light); temperature "
        + report.path("temperature").asDouble() + ".", List.of(new Chart.Bars("Natural shares", natural, "%"),
        new Chart.Bars("Realised and target shares", realised, "%")), List.of(), List.of());
  }

  private static Section tokens(JsonNode manifest) {
    List<Bar> sources = new ArrayList<>();
    manifest.path("sources").fields().forEachRemaining(e -> sources.add(Bar.of(e.getKey(),
        e.getValue().path("tokens").asDouble())));
    List<Bar> shards = new ArrayList<>();
    for (JsonNode shard : manifest.path("shards")) {
      String file = shard.path("file").asText();
      shards.add(Bar.of(file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.parquet$", ""), shard.path("tokens").asDouble()));
    }
    return new Section("tokens", "Tokens", manifest.path("sequences").asLong() + " sequences of "
        + manifest.path("seq_len").asInt() + " tokens; document tokens per source and per shard.",
        List.of(new Chart.Bars("Tokens per source", sources, "tokens"), new Chart.Bars("Tokens per shard",
            shards.size() > 40 ? shards.subList(0, 40) : shards, "tokens")),
        shards.size() > 40 ? List.of("The first 40 of " + shards.size() + " shards.") : List.of(), List.of());
  }

  private static Map<String, Long> counts(Dataset<Row> grouped) {
    Map<String, Long> counts = new LinkedHashMap<>();
    grouped.collectAsList().forEach(r -> counts.put(r.isNullAt(0) ? "" : r.getString(0), r.getLong(1)));
    return counts;
  }

  private Optional<Dataset<Row>> dataset(String relative) {
    Path path = new Path(root, relative);
    try {
      if (!fs.exists(new Path(path, "_SUCCESS")) && !fs.exists(new Path(path, "_schema.json"))) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return Optional.of(Datasets.read(spark, path.toString()));
  }

  private Optional<JsonNode> json(String relative) {
    Path path = new Path(root, relative);
    try (InputStream in = fs.open(path)) {
      return Optional.of(JSON.readTree(in));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static String abbreviated(String version) {
    return version.length() > 12 ? version.substring(0, 12) : version;
  }
}

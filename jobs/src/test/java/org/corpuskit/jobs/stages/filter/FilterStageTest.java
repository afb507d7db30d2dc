package org.corpuskit.jobs.stages.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.corpuskit.filter.FilterChain;
import org.corpuskit.filter.Rule;
import org.corpuskit.filter.Rules;
import org.corpuskit.filter.Signals;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.jobs.TestRuns;
import org.corpuskit.jobs.config.FilterConfig;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageRun;
import org.corpuskit.jobs.stages.extract.ExtractStage;
import org.corpuskit.sample.SampleCrawl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterStageTest {
  @TempDir
  static Path dir;

  private SparkSession spark;
  private String out;
  private StageCounts counts;

  @BeforeAll
  void filterTheSample(SparkSession spark) throws IOException {
    this.spark = spark;
    out = dir.resolve("out").toString();
    List<StageRun> runs = TestRuns.run(spark, new Pipeline(List.of(new ExtractStage(), new FilterStage())),
        TestRuns.config(List.of(SampleCrawl.write(dir.resolve("sample")).warc().toString())), out);
    counts = runs.get(1).marker().counts();
  }

  private Dataset<Row> output(String dataset) {
    return spark.read().parquet(out + "/filter/" + dataset);
  }

  @Test
  void everyDocumentIsKeptOrRejectedWithItsFirstFailingRule() {
    assertTrue(counts.addsUp(), counts.toString());
    assertEquals(spark.read().parquet(out + "/extract/documents").count(), counts.in());
    assertEquals(output("documents").count(), counts.out());
    assertTrue(counts.out() >= 500 && counts.rejectedTotal() > 0, "the sample's pages are mostly good prose: "
        + counts);
    assertEquals(0, output("rejected").filter("reason != failed_rules[0] or size(failed_rules) = 0").count());
  }

  @Test
  void keptDocumentsCarryEverySignalAsDescribedInTheSchemas() {
    DataType signals = output("documents").schema().apply("signals").dataType();
    assertTrue(DataType.equalsIgnoreNullability(Schemas.load("signals"), signals), signals.simpleString());
    assertEquals(Schemas.load("signals").json(), SignalsSchema.of(FilterChain.signals()).json(),
        "schemas/signals.json describes exactly the chain's signals");
  }

  @Test
  void theSqlOfEveryBuiltInRuleAgreesWithItsJavaComparison() {
    List<Row> rows = output("rejected").unionByName(output("documents")
        .withColumn("failed_rules", org.apache.spark.sql.functions.array().cast("array<string>"))
        .withColumn("reason", org.apache.spark.sql.functions.lit(null).cast("string")), true).collectAsList();
    for (Row row : rows) {
      Row signalsRow = row.getAs("signals");
      Signals signals = new Signals();
      for (String field : signalsRow.schema().fieldNames()) {
        signals.set(field, signalsRow.getAs(field));
      }
      List<String> javaFailed = new ArrayList<>();
      FilterConfig.LanguageRules language = FilterConfig.DEFAULTS.languages().get(signalsRow.<String>getAs("lang"));
      for (Rule rule : Rules.DEFAULTS) {
        boolean off = language != null && "".equals(language.rules().get(rule.name()));
        if (!off && rule.rejects(signals)) {
          javaFailed.add(rule.name());
        }
      }
      List<String> sqlFailed = row.getList(row.fieldIndex("failed_rules"));
      assertEquals(javaFailed.stream().sorted().toList(), sqlFailed.stream().sorted().toList(),
          row.<String>getAs("url"));
    }
  }

  @Test
  void aLanguageCanOverrideARuleAndAnEmptyPredicateTurnsItOff() {
    FilterConfig config = new FilterConfig(Map.of("short", "signals.word_count < 50", "gopher_short_doc", ""),
        Map.of("ja", new FilterConfig.LanguageRules(Map.of("short", "signals.word_count < 5"))), "", 0, "", List.of(),
        "", "", Map.of(), FilterConfig.PiiConfig.DEFAULTS, FilterConfig.LangConfig.DEFAULTS);
    Dataset<Row> tagged = spark.createDataFrame(List.of(
        org.apache.spark.sql.RowFactory.create("en", org.apache.spark.sql.RowFactory.create(10, "", "en")),
        org.apache.spark.sql.RowFactory.create("ja", org.apache.spark.sql.RowFactory.create(10, "", "ja"))),
        new org.apache.spark.sql.types.StructType().add("lang_declared", "string").add("signals",
            new org.apache.spark.sql.types.StructType().add("word_count", "int").add("tagger_failed", "string")
                .add("lang", "string")));
    List<Row> failed = tagged.select(org.apache.spark.sql.functions.col("lang_declared"),
        org.apache.spark.sql.functions.filter(org.apache.spark.sql.functions.array(FilterStage.ruleColumns(config)),
            c -> c.isNotNull()).as("failed")).orderBy("lang_declared").collectAsList();
    assertEquals(List.of("short"), failed.get(0).getList(1));
    assertEquals(List.of(), failed.get(1).getList(1));
  }

  @Test
  void samplesAreJsonLinesPerRuleAndTheSameEveryRun() throws IOException {
    List<Path> files;
    try (var walk = Files.walk(dir.resolve("out/filter/samples"))) {
      files = walk.filter(p -> p.toString().endsWith(".json")).collect(Collectors.toList());
    }
    assertTrue(!files.isEmpty());
    Dataset<Row> samples = spark.read().json(dir.resolve("out/filter/samples").toString());
    assertTrue(samples.groupBy("reason").count().filter("count > 20").isEmpty());
    assertEquals(samples.count(), samples.select("doc_id").distinct().count());
  }

  @Test
  void ruleStatsCountFirstFailingRulesAsTheFunnelDoesAndEveryMatch() {
    Dataset<Row> stats = output("rule_stats");
    assertEquals(counts.rejectedTotal(), stats.selectExpr("sum(first_documents)").first().getLong(0));
    assertEquals(output("rejected").selectExpr("sum(size(failed_rules))").first().getLong(0),
        stats.selectExpr("sum(any_documents)").first().getLong(0));
    assertEquals(0, stats.filter("any_documents < first_documents").count());
  }
}

package org.corpuskit.jobs.stages.filter;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.jobs.config.FilterConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier trained on prose against page furniture, both generated here from seeded word lists, then
 * applied by the filter stage as a signal with Pareto keeping.
 */
@ExtendWith(LocalSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextClassifierTest {
  private static final String[] SUBJECTS = {"The old harbour", "Our village council", "The river ferry",
      "A local baker", "The county library", "Her grandmother", "The new school", "The orchard owner"};
  private static final String[] VERBS = {"opened again after", "was repaired during", "grew quietly through",
      "welcomed visitors before", "changed its rules after", "sold more bread during", "kept records through"};
  private static final String[] TIMES = {"the long winter", "the spring floods", "the harvest festival",
      "the summer holidays", "the first frost", "the market week", "the autumn storms"};
  private static final String[] FURNITURE = {"Home", "About us", "Contact", "Privacy Policy", "Log in",
      "Subscribe to our newsletter", "Share on Facebook", "Next page »", "Terms of use", "Cart (0)",
      "Follow us", "Search", "All rights reserved", "Sitemap", "Careers", "FAQ", "Read more", "Sign up"};

  @TempDir
  static Path dir;

  private SparkSession spark;
  private TextClassifier.Trained trained;

  @BeforeAll
  void train(SparkSession spark) {
    this.spark = spark;
    Random random = new Random(5);
    List<String> prose = new ArrayList<>();
    List<String> furniture = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      prose.add(prose(random));
      furniture.add(furniture(random));
    }
    Dataset<Row> examples = spark.createDataset(prose, Encoders.STRING()).toDF("text")
        .withColumn("label", functions.lit(1.0))
        .unionByName(spark.createDataset(furniture, Encoders.STRING()).toDF("text")
            .withColumn("label", functions.lit(0.0)));
    trained = TextClassifier.train(examples, new TextClassifier.Options(1 << 12, 0.01, 50, 0.25, 1));
  }

  private static String prose(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = 3 + random.nextInt(4); i > 0; i--) {
      text.append(pick(SUBJECTS, random)).append(' ').append(pick(VERBS, random)).append(' ')
          .append(pick(TIMES, random)).append(", and people in the town still talk about it. ");
    }
    return text.toString().strip();
  }

  private static String furniture(Random random) {
    List<String> lines = new ArrayList<>();
    for (int i = 4 + random.nextInt(8); i > 0; i--) {
      lines.add(pick(FURNITURE, random));
    }
    return String.join("\n", lines);
  }

  private static String pick(String[] words, Random random) {
    return words[random.nextInt(words.length)];
  }

  @Test
  void theHeldOutShareIsScoredAndTheModelSeparatesTheClasses() {
    TextClassifier.Metrics metrics = trained.metrics();
    assertEquals(300, metrics.trainDocuments() + metrics.heldOutDocuments());
    assertTrue(metrics.heldOutDocuments() > 50 && metrics.heldOutDocuments() < 100, metrics.toString());
    assertTrue(metrics.accuracy() > 0.95 && metrics.areaUnderRoc() > 0.95, metrics.toString());
  }

  @Test
  void theFilterStageAddsTheScoreAndASeededParetoDrawAsSignals() throws Exception {
    String path = dir.resolve("model").toString();
    trained.model().write().overwrite().save(path);
    Dataset<Row> tagged = spark.createDataFrame(List.of(
            org.apache.spark.sql.RowFactory.create("a", prose(new Random(1)),
                org.apache.spark.sql.RowFactory.create("")),
            org.apache.spark.sql.RowFactory.create("b", furniture(new Random(2)),
                org.apache.spark.sql.RowFactory.create(""))),
        new org.apache.spark.sql.types.StructType().add("doc_id", "string").add("text", "string")
            .add("signals", new org.apache.spark.sql.types.StructType().add("tagger_failed", "string")));
    FilterConfig config = new FilterConfig(Map.of(), Map.of(), "", 0, "", List.of(), "", "",
        Map.of("quality", new FilterConfig.ClassifierConfig(path, 9, 3)), FilterConfig.PiiConfig.DEFAULTS,
        FilterConfig.LangConfig.DEFAULTS);
    List<Row> first = FilterStage.classify(tagged, config).orderBy("doc_id")
        .select("signals.quality", "signals.quality_draw").collectAsList();
    List<Row> again = FilterStage.classify(tagged, config).orderBy("doc_id")
        .select("signals.quality", "signals.quality_draw").collectAsList();
    assertEquals(first, again);
    assertTrue(first.get(0).getDouble(0) > 0.5 && first.get(1).getDouble(0) < 0.5, first.toString());
    assertTrue(first.get(0).getDouble(1) >= 0, "a Lomax draw is not negative: " + first);
    for (Row row : FilterStage.classify(tagged, config).select(col("signals.quality"), col("signals.quality_draw"),
        functions.filter(functions.array(FilterStage.ruleColumns(config)), c -> c.isNotNull())).collectAsList()) {
      boolean rejected = row.getDouble(1) <= 1 - row.getDouble(0);
      assertEquals(rejected ? List.of("quality_pareto") : List.of(), row.getList(2), row.toString());
    }
    assertEquals(6, PipelineModel.load(path).stages().length);
  }

  @Test
  void badOptionsAreRefusedWithTheirFlag() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TextClassifier.Options(1000, 0, 10, 0.2, 1));
    assertTrue(e.getMessage().startsWith("--features"), e.getMessage());
  }
}

package org.corpuskit.jobs.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.decontaminate.BenchmarkSpec;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.sample.SyntheticText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The decontamination harness counts a planted copy as found only when a match names the planted item. */
@ExtendWith(LocalSpark.class)
class DecontaminationEvalTest {
  @TempDir
  Path dir;

  @Test
  void aPlantedCopyIsFoundOnlyWhenItsMatchesNameThePlantedItem(SparkSession spark) throws IOException {
    SyntheticText words = new SyntheticText(3);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add("{\"question\": \"" + words.document(i, 200).replace("\"", "").replace("\n", " ")
          + "\", \"answer\": \"It is the answer one.\"}");
    }
    Path qa = Files.write(dir.resolve("qa.jsonl"), lines);
    SyntheticText prose = new SyntheticText(4);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      texts.add(prose.document(100 + i, 1500));
    }
    Dataset<Row> bases = spark.createDataset(texts, Encoders.STRING()).toDF("text");
    DecontaminationEval.Planted planted = DecontaminationEval.plant(spark, bases,
        List.of(BenchmarkSpec.parse("qa=" + qa + ":fields=question+answer")), 2, 8, 5);
    assertEquals(10 + 2 * 2, planted.documents().count());
    assertEquals(List.of(3L, 3L), List.of(planted.items().get("qa")[0], planted.items().get("qa")[1]));
    Dataset<Row> plants = planted.plants();
    assertEquals(List.of("case", "punctuation", "verbatim", "verbatim"), plants.select("variant").orderBy("variant")
        .as(Encoders.STRING()).collectAsList(), "each item's perturbed copy takes the next kind");
    Dataset<Row> verbatimFound = plants.filter("variant = 'verbatim'").selectExpr("doc_id", "benchmark", "item_id",
        "'n' as ngram", "0 as start");
    Dataset<Row> perturbedWrongItem = plants.filter("variant != 'verbatim'").selectExpr("doc_id", "benchmark",
        "'another item' as item_id", "'n' as ngram", "0 as start");
    Dataset<Row> clean = spark.sql("select 'clean-3' as doc_id, 'qa' as benchmark, 'x' as item_id, 'n' as ngram, "
        + "0 as start");
    DecontaminationEval.Report report = DecontaminationEval.score(planted,
        verbatimFound.unionByName(perturbedWrongItem).unionByName(clean));
    assertEquals(1.0, report.verbatim().recall());
    assertEquals(0.0, report.perturbed().recall());
    assertEquals(1.0, report.benchmarks().get(0).verbatim().recall());
    assertEquals(1, report.byKind().get("case").planted());
    assertEquals(0, report.byKind().get("all").planted());
    assertEquals(null, report.byKind().get("all").recall(), "nothing planted has no recall");
    assertEquals(1, report.cleanMatched());
    assertEquals(0.1, report.falseRemovalRate(), 1e-9);
    assertTrue(DecontaminationEval.table(report).contains("qa"), DecontaminationEval.table(report));
  }

  @Test
  void udhrDocumentsAreEveryTranslationTenParagraphsAtATime() {
    Path udhr = LocalSpark.sharedData("lang/udhr");
    List<String> documents = DecontaminationEval.udhrDocuments(udhr);
    assertEquals(3211, documents.size());
    assertTrue(documents.stream().allMatch(d -> d.split("\n\n").length <= 10));
  }
}

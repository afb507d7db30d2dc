package org.corpuskit.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.DatasetAssertions;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.jobs.TestRuns;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.stages.extract.ExtractStage;
import org.corpuskit.sample.SampleCrawl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineTest {
  @TempDir
  static Path dir;

  private PipelineConfig config;

  /**
   * A stage for these tests: keeps the documents of at least {@code minChars} characters and rejects the
   * others ({@code too_short}); when {@code failAfterFirst}, it throws after writing its first dataset.
   */
  private record KeepLonger(String name, String input, int minChars, boolean failAfterFirst) implements Stage {
    @Override
    public StageSpec spec() {
      return new StageSpec(name, "keeps the longer documents", List.of(new StageSpec.Input(input, Schemas.DOCUMENTS)),
          List.of("documents", "rejected"), config -> List.of(minChars), "keep-1");
    }

    @Override
    public StageCounts run(StageContext context) {
      Dataset<Row> in = context.read(input);
      context.write(in.filter("length(text) >= " + minChars), "documents");
      if (failAfterFirst) {
        throw new IllegalStateException("a task died (on purpose, in a test)");
      }
      context.write(in.filter("length(text) < " + minChars).selectExpr("doc_id", "'too_short' as reason"), "rejected");
      long kept = context.written("documents").count();
      long rejected = context.written("rejected").count();
      return new StageCounts(in.count(), kept, Map.of("too_short", rejected), Map.of(), -1, -1);
    }
  }

  /** Reports a record that it never wrote anywhere. */
  private record LosesOne() implements Stage {
    @Override
    public StageSpec spec() {
      return new StageSpec("loses_one", "loses a document", List.of(new StageSpec.Input("extract/documents",
          Schemas.DOCUMENTS)), List.of("documents"), config -> List.of(), "loses-1");
    }

    @Override
    public StageCounts run(StageContext context) {
      Dataset<Row> in = context.read("extract/documents");
      context.write(in.limit((int) in.count() - 1), "documents");
      return new StageCounts(in.count(), context.written("documents").count(), Map.of(), Map.of(), -1, -1);
    }
  }

  /** Passes the documents on; its output depends on the files under {@code outside}, as a clean set would. */
  private record ReadsOutside(String outside) implements Stage {
    @Override
    public StageSpec spec() {
      return new StageSpec("reads_outside", "passes documents on", List.of(new StageSpec.Input("extract/documents",
          Schemas.DOCUMENTS)), List.of("documents"), config -> List.of(), "outside-1");
    }

    @Override
    public List<String> outsideFiles(PipelineConfig config) {
      return List.of(outside);
    }

    @Override
    public StageCounts run(StageContext context) {
      Dataset<Row> in = context.read("extract/documents");
      context.write(in, "documents");
      return new StageCounts(in.count(), context.written("documents").count(), Map.of(), Map.of(), -1, -1);
    }
  }

  private static Pipeline pipeline(int minChars, boolean fail, int secondMinChars) {
    return new Pipeline(List.of(new ExtractStage(),
        new KeepLonger("keep", "extract/documents", minChars, fail),
        new KeepLonger("keep_more", "keep/documents", secondMinChars, false)));
  }

  private static Map<String, Boolean> reused(List<StageRun> runs) {
    return Map.of(runs.get(0).stage(), runs.get(0).reused(), runs.get(1).stage(), runs.get(1).reused(),
        runs.get(2).stage(), runs.get(2).reused());
  }

  @BeforeAll
  void writeTheSample() throws IOException {
    config = TestRuns.config(List.of(SampleCrawl.write(dir.resolve("sample")).warc().toString()));
  }

  @Test
  void aRunThatFailedHalfwayResumesAfterItsLastCompletedStageAndEndsLikeACleanRun(SparkSession spark) {
    String resumed = dir.resolve("resumed").toString();
    StageFailedException died = assertThrows(StageFailedException.class,
        () -> TestRuns.run(spark, pipeline(300, true, 600), config, resumed));
    assertEquals("keep", died.stage());
    assertTrue(died.getMessage().contains("on purpose"));
    assertTrue(Files.exists(dir.resolve("resumed/extract/_COMPLETE.json")));
    assertTrue(Files.isDirectory(dir.resolve("resumed/keep/documents")), "the failed stage wrote part of its output");
    assertFalse(Files.exists(dir.resolve("resumed/keep/_COMPLETE.json")), "but it left no marker");

    List<StageRun> runs = TestRuns.run(spark, pipeline(300, false, 600), config, resumed);
    assertEquals(Map.of("extract", true, "keep", false, "keep_more", false), reused(runs));

    String clean = dir.resolve("clean").toString();
    TestRuns.run(spark, pipeline(300, false, 600), config, clean);
    for (String dataset : List.of("extract/documents", "extract/errors", "keep/documents", "keep/rejected",
        "keep_more/documents", "keep_more/rejected")) {
      DatasetAssertions.assertSameRows(spark.read().parquet(clean + "/" + dataset),
          spark.read().parquet(resumed + "/" + dataset));
    }
  }

  @Test
  void changingOneStagesSettingRerunsThatStageAndTheLaterOnesOnly(SparkSession spark) {
    String out = dir.resolve("settings").toString();
    TestRuns.run(spark, pipeline(300, false, 600), config, out);
    assertEquals(Map.of("extract", true, "keep", true, "keep_more", true),
        reused(TestRuns.run(spark, pipeline(300, false, 600), config, out)));
    assertEquals(Map.of("extract", true, "keep", true, "keep_more", false),
        reused(TestRuns.run(spark, pipeline(300, false, 700), config, out)));
    assertEquals(Map.of("extract", true, "keep", false, "keep_more", false),
        reused(TestRuns.run(spark, pipeline(400, false, 700), config, out)));
    PipelineConfig deeper = TestRuns.config(config.input().paths(), "extract.max_depth=513");
    assertEquals(Map.of("extract", false, "keep", false, "keep_more", false),
        reused(TestRuns.run(spark, pipeline(400, false, 700), deeper, out)));
  }

  @Test
  void aFileReadFromOutsideThePipelineThatChangesInPlaceRerunsItsStageAndTheLaterOnes(SparkSession spark)
      throws IOException {
    Path set = Files.createDirectories(dir.resolve("clean-set"));
    Files.writeString(set.resolve("part-0.jsonl"), "{\"text\": \"one\"}\n");
    Pipeline pipeline = new Pipeline(List.of(new ExtractStage(), new ReadsOutside(set.toString()),
        new KeepLonger("keep_more", "reads_outside/documents", 300, false)));
    String out = dir.resolve("outside").toString();
    TestRuns.run(spark, pipeline, config, out);
    assertEquals(Map.of("extract", true, "reads_outside", true, "keep_more", true),
        reused(TestRuns.run(spark, pipeline, config, out)));
    Files.writeString(set.resolve("part-0.jsonl"), "{\"text\": \"one, then two\"}\n");
    assertEquals(Map.of("extract", true, "reads_outside", false, "keep_more", false),
        reused(TestRuns.run(spark, pipeline, config, out)), "a file rewritten in place");
    Files.writeString(set.resolve("part-1.jsonl"), "{\"text\": \"three\"}\n");
    assertEquals(Map.of("extract", true, "reads_outside", false, "keep_more", false),
        reused(TestRuns.run(spark, pipeline, config, out)), "a file added to the folder");
    assertEquals(Map.of("extract", true, "reads_outside", true, "keep_more", true),
        reused(TestRuns.run(spark, pipeline, config, out)));
  }

  @Test
  void fromRerunsThatStageAndTheLaterOnesAndToStopsAfterItsStage(SparkSession spark) {
    String out = dir.resolve("range").toString();
    List<StageRun> first = TestRuns.run(spark, pipeline(300, false, 600), config, out, new Pipeline.Range(null, "keep"));
    assertEquals(List.of("extract", "keep"), first.stream().map(StageRun::stage).toList());
    assertFalse(Files.exists(dir.resolve("range/keep_more")));
    List<StageRun> from = TestRuns.run(spark, pipeline(300, false, 600), config, out, new Pipeline.Range("keep", null));
    assertEquals(List.of("keep", "keep_more"), from.stream().map(StageRun::stage).toList());
    assertTrue(from.stream().noneMatch(StageRun::reused));
  }

  @Test
  void fromALaterStageNeedsTheEarlierOnesCompleted(SparkSession spark) {
    String out = dir.resolve("never-ran").toString();
    UsageException e = assertThrows(UsageException.class, () -> TestRuns.run(spark, pipeline(300, false, 600), config,
        out, new Pipeline.Range("keep", null)));
    assertTrue(e.getMessage().contains("stage extract has no completed output"), e.getMessage());
  }

  @Test
  void aStageWhoseCountsDoNotAddUpFailsTheRunAndLeavesNoMarker(SparkSession spark) {
    String out = dir.resolve("counts").toString();
    CountsException e = assertThrows(CountsException.class,
        () -> TestRuns.run(spark, new Pipeline(List.of(new ExtractStage(), new LosesOne())), config, out));
    assertEquals("loses_one", e.stage());
    assertTrue(e.getMessage().contains("in 526 = out 525 + rejected 0 + failed 0"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("counts/loses_one/_COMPLETE.json")));
  }

  @Test
  void aStageCannotReadWhatNoEarlierStageWrites() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Pipeline(List.of(new KeepLonger("keep", "extract/documents", 1, false), new ExtractStage())));
    assertEquals("keep reads extract/documents, which no earlier stage writes", e.getMessage());
  }
}

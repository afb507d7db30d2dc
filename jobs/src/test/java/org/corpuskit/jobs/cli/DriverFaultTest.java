package org.corpuskit.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.corpuskit.jobs.ChildCorpus;
import org.corpuskit.jobs.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver killed in each of the seven stages, twice: while the stage writes (a task has written records, the
 * job is not committed) and after its datasets are written but before its marker. After every kill no stage has a
 * marker unless all its datasets are whole; the same command run again goes on; and when it finally finishes, its
 * shards are the same bytes as a clean run's and its manifest lists the same shards and sources. The driver is a
 * JVM of its own, halted as kill -9 would ({@code corpus.test.halt}, see FaultPoint).
 */
@ExtendWith(LocalSpark.class)
class DriverFaultTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STAGES = List.of("extract", "filter", "dedup", "decontaminate", "tokenize", "mix",
      "pack");

  @TempDir
  Path dir;

  @Test
  void aRunKilledInEveryStageAndRunAgainEndsWithTheSameShardsAsACleanRun() throws Exception {
    Path out = dir.resolve("killed");
    List<String> kills = new ArrayList<>();
    for (String stage : STAGES) {
      for (String point : List.of("writing", "before-marker")) {
        Path log = dir.resolve(stage + "-" + point + ".log");
        Process driver = ChildCorpus.start("2g", Map.of("corpus.test.halt", stage + ":" + point), log, "run",
            "--out", out.toString());
        assertTrue(driver.waitFor(10, TimeUnit.MINUTES), "the driver ended");
        assertEquals(137, driver.exitValue(), stage + ":" + point + " halted the driver; log: "
            + Files.readString(log) + Files.readString(log.resolveSibling(log.getFileName() + ".err")));
        assertFalse(Files.exists(out.resolve(stage).resolve("_COMPLETE.json")), stage + " has no marker after a "
            + "kill at " + point);
        assertMarkersOnlyOverWholeDatasets(out);
        kills.add(stage + ":" + point);
      }
    }
    assertEquals(14, kills.size());
    ChildCorpus.Result finished = ChildCorpus.run("2g", java.time.Duration.ofMinutes(10), dir.resolve("last.log"),
        "run", "--out", out.toString());
    assertEquals(0, finished.exitCode(), finished.out() + finished.err());
    assertTrue(finished.out().matches("(?s).*\\nmix +reused .*\\npack +ran .*"), "the last kill was before pack's "
        + "marker, so pack runs again and nothing before it: " + finished.out());

    Path clean = dir.resolve("clean");
    CliRun run = CliRun.of("run", "--out", clean.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    Map<String, String> shards = RealUseTest.hashes(clean.resolve("pack/shards"));
    assertTrue(!shards.isEmpty(), "shards in " + clean);
    assertEquals(shards, RealUseTest.hashes(out.resolve("pack/shards")));
    JsonNode a = JSON.readTree(clean.resolve("pack/manifest.json").toFile());
    JsonNode b = JSON.readTree(out.resolve("pack/manifest.json").toFile());
    assertEquals(a.get("shards"), b.get("shards"));
    assertEquals(a.get("sources"), b.get("sources"));
  }

  /** Every marker's datasets are committed: a _SUCCESS and a schema, no job's _temporary left. */
  private static void assertMarkersOnlyOverWholeDatasets(Path out) throws IOException {
    for (String stage : STAGES) {
      Path marker = out.resolve(stage).resolve("_COMPLETE.json");
      if (!Files.exists(marker)) {
        continue;
      }
      for (JsonNode dataset : JSON.readTree(marker.toFile()).path("datasets")) {
        Path folder = out.resolve(stage).resolve(dataset.asText());
        assertTrue(Files.exists(folder.resolve("_SUCCESS")) && Files.exists(folder.resolve("_schema.json"))
            && !Files.exists(folder.resolve("_temporary")), stage + "/" + dataset.asText() + " is not whole "
            + "under a marker");
      }
    }
  }
}

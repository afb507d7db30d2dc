package org.corpuskit.jobs.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.config.ConfigTree;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.config.Secrets;
import org.corpuskit.jobs.io.InputFiles;

/**
 * {@code OUT/run.json}: what the run's datasets were made from. Written when the run starts and again after
 * each stage, so that a run that dies still says how far it got. Not thread-safe.
 */
public final class Lineage {
  private final ObjectNode root = JsonNodeFactory.instance.objectNode();
  private final WorkDir workDir;

  public Lineage(WorkDir workDir, SparkSession spark, PipelineConfig config, InputFiles inputs, String codeVersion) {
    this.workDir = workDir;
    root.put("tool", "corpus")
        .put("code_version", codeVersion)
        .put("spark_version", spark.version())
        .put("java_version", System.getProperty("java.version"))
        .put("started", Instant.now().toString())
        .put("status", "running")
        .put("out", Secrets.scrub(workDir.root()));
    root.set("config", ConfigTree.shown(config));
    ObjectNode in = root.putObject("inputs");
    ArrayNode files = in.putArray("files");
    inputs.files().forEach(f -> files.addObject().put("path", Secrets.scrub(f.path())).put("size", f.size())
        .put("modified", f.modified()));
    ArrayNode listings = in.putArray("listings");
    inputs.listings().forEach(f -> listings.addObject().put("path", Secrets.scrub(f.path())).put("size", f.size())
        .put("modified", f.modified()));
    root.putArray("stages");
    write();
  }

  public void stages(List<StageRun> runs) {
    ArrayNode stages = root.putArray("stages");
    for (StageRun run : runs) {
      StageMarker m = run.marker();
      ObjectNode stage = stages.addObject()
          .put("stage", run.stage())
          .put("reused", run.reused())
          .put("fingerprint", m.fingerprint())
          .put("code_version", m.codeVersion())
          .put("started", m.started())
          .put("ended", m.ended())
          .put("seconds", m.seconds());
      stage.set("counts", Json.MAPPER.valueToTree(m.counts()));
    }
    write();
  }

  /** Records that the run succeeded. */
  public void succeeded() {
    root.put("status", "succeeded").put("ended", Instant.now().toString());
    write();
  }

  /**
   * Records that the run failed: in {@code stage} (null when no stage was running), for the reason {@code e}
   * gives, on one line and with secrets masked.
   */
  public void failed(String stage, Throwable e) {
    root.put("status", "failed").put("ended", Instant.now().toString());
    if (stage != null) {
      root.put("failed_stage", stage);
    }
    root.put("error", Messages.describe(e));
    write();
  }

  private void write() {
    workDir.write(WorkDir.RUN_JSON, Json.write(root));
  }
}

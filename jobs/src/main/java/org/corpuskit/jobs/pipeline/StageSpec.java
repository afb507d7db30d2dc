package org.corpuskit.jobs.pipeline;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.jobs.config.PipelineConfig;

/**
 * What a stage is, in one value: its name (its command, its folder under OUT and its configuration section), a
 * line saying what it does, the datasets it reads with the schema each must have, the datasets it writes (its
 * main output first), the parts of the configuration that decide its output, and the version of its logic. A
 * change in the settings or the version reruns the stage and every stage after it. Immutable.
 *
 * @param settings the configuration sections (or other values) its output depends on
 * @param logicVersion bumped when its output changes for the same input and settings, so that markers go stale
 */
public record StageSpec(String name, String summary, List<Input> reads, List<String> writes,
    Function<PipelineConfig, List<Object>> settings, String logicVersion) {

  /**
   * A dataset a stage reads: {@code stage/dataset} of an earlier stage, and the schema it must have. A stage
   * that reads the documents schema also takes documents made elsewhere ({@link StageContext#read}).
   */
  public record Input(String dataset, StructType schema) {
    public Input {
      if (dataset == null || !dataset.matches("[a-z_]+/[a-z_]+")) {
        throw new IllegalArgumentException("an input is stage/dataset, got " + dataset);
      }
    }
  }

  public StageSpec {
    if (name == null || !name.matches("[a-z][a-z_]*")) {
      throw new IllegalArgumentException("a stage name is lower_snake_case, got " + name);
    }
    reads = List.copyOf(reads);
    writes = List.copyOf(writes);
    if (writes.isEmpty()) {
      throw new IllegalArgumentException("stage " + name + " writes nothing");
    }
  }

  /** This stage reading {@code others} instead, such as dedup reading documents that no filter made. */
  public StageSpec reading(List<Input> others) {
    return new StageSpec(name, summary, others, writes, settings, logicVersion);
  }
}

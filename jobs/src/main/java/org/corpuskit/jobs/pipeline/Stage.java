package org.corpuskit.jobs.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.corpuskit.jobs.config.PipelineConfig;

/**
 * One step of the pipeline: reads datasets, writes datasets under {@code OUT/<name>/}, and reports counts
 * taken from what it wrote. The runner decides whether it runs at all (see {@link Pipeline}); a stage only does
 * its work. Implementations are stateless: everything a run needs comes through the {@link StageContext}.
 */
public interface Stage {
  /** What the stage is: its name, inputs with their schemas, outputs, settings and logic version. */
  StageSpec spec();

  /** The stage's name: its command, its directory under OUT and its configuration section. */
  default String name() {
    return spec().name();
  }

  /**
   * The datasets of earlier stages it reads, as {@code stage/dataset}; empty for a stage that reads the
   * pipeline's input files.
   */
  default List<String> reads() {
    return spec().reads().stream().map(StageSpec.Input::dataset).toList();
  }

  /** The datasets it writes, its main output first. */
  default List<String> writes() {
    return spec().writes();
  }

  /** What decides its output besides its input: its settings and the version of its logic. */
  default List<Object> settings(PipelineConfig config) {
    List<Object> settings = new ArrayList<>(spec().settings().apply(config));
    settings.add(spec().logicVersion());
    return settings;
  }

  /**
   * Files it reads from outside the pipeline (document sets, benchmarks, a tokenizer file): paths, folders or
   * globs whose files' sizes and times are part of its input, so that a file changed in place reruns it.
   */
  default List<String> outsideFiles(PipelineConfig config) {
    return List.of();
  }

  /**
   * What would make the stage fail that can be seen before Spark starts: files it needs that are missing or do
   * not parse (a tokenizer, benchmarks, lists, models, document sets), each a one-line problem. Files on the
   * local file system are read; others are left to the stage, since reaching them needs the session's settings.
   * The runner asks every stage it will run and reports all problems in one go.
   */
  default List<String> preflight(PipelineConfig config) {
    return List.of();
  }

  /** Reads, transforms and writes every dataset of {@link #writes()}; returns counts taken from those. */
  StageCounts run(StageContext context);
}

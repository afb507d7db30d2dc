package org.corpuskit.jobs.pipeline;

import java.util.List;
import org.corpuskit.jobs.config.PipelineConfig;

/**
 * One step of the pipeline: reads datasets, writes datasets under {@code OUT/<name>/}, and reports counts
 * taken from what it wrote. The runner decides whether it runs at all (see {@link Pipeline}); a stage only does
 * its work. Implementations are stateless: everything a run needs comes through the {@link StageContext}.
 */
public interface Stage {
  /** The stage's name: its command, its directory under OUT and its configuration section. */
  String name();

  /**
   * The datasets of earlier stages it reads, as {@code stage/dataset}; empty for a stage that reads the
   * pipeline's input files.
   */
  List<String> reads();

  /** The datasets it writes, its main output first. */
  List<String> writes();

  /**
   * What decides its output besides its input: its configuration section and the version of its logic. A
   * change in any of it reruns the stage and every stage after it.
   */
  List<Object> settings(PipelineConfig config);

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

package org.corpuskit.jobs.cli;

import java.util.List;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.stages.decontaminate.DecontaminateStage;
import org.corpuskit.jobs.stages.dedup.DedupStage;
import org.corpuskit.jobs.stages.extract.ExtractStage;
import org.corpuskit.jobs.stages.filter.FilterStage;

/**
 * The pipeline {@code corpus run} runs, read top to bottom: archive → document → signals → clusters → clean of
 * test sets.
 */
final class Stages {
  private Stages() {}

  static Pipeline all() {
    return new Pipeline(List.of(
        new ExtractStage(),
        new FilterStage(),
        new DedupStage(),
        new DecontaminateStage()));
  }
}

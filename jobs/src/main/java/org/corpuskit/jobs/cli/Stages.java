package org.corpuskit.jobs.cli;

import java.util.List;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.stages.extract.ExtractStage;

/** The pipeline {@code corpus run} runs, read top to bottom: archive → document. */
final class Stages {
  private Stages() {}

  static Pipeline all() {
    return new Pipeline(List.of(
        new ExtractStage()));
  }
}

package org.corpuskit.jobs.cli;

import java.util.List;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.stages.decontaminate.DecontaminateStage;
import org.corpuskit.jobs.stages.dedup.DedupStage;
import org.corpuskit.jobs.stages.extract.ExtractStage;
import org.corpuskit.jobs.stages.filter.FilterStage;
import org.corpuskit.jobs.stages.mix.MixStage;
import org.corpuskit.jobs.stages.pack.PackStage;
import org.corpuskit.jobs.stages.tokenize.TokenizeStage;

/**
 * The pipeline {@code corpus run} runs, read top to bottom: archive → document → signals → clusters → clean of
 * test sets → token ids → the mixture → sequences in shards.
 */
final class Stages {
  private Stages() {}

  static Pipeline all() {
    return new Pipeline(List.of(
        new ExtractStage(),
        new FilterStage(),
        new DedupStage(),
        new DecontaminateStage(),
        new TokenizeStage(),
        new MixStage(),
        new PackStage()));
  }
}

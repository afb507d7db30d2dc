package org.corpuskit.jobs.cli;

import java.util.List;
import java.util.function.Supplier;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.stages.decontaminate.DecontaminateStage;
import org.corpuskit.jobs.stages.dedup.DedupStage;
import org.corpuskit.jobs.stages.extract.ExtractStage;
import org.corpuskit.jobs.stages.filter.FilterStage;
import org.corpuskit.jobs.stages.mix.MixStage;
import org.corpuskit.jobs.stages.pack.PackStage;
import org.corpuskit.jobs.stages.tokenize.TokenizeStage;

/**
 * The pipeline {@code corpus run} runs, read top to bottom: archive → document → signals → clusters → clean of
 * test sets → token ids → the mixture → sequences in shards; and the same stages as commands of their own,
 * each with the shorthand options of its configuration section.
 */
public final class Stages {
  private Stages() {}

  /**
   * A stage as a command of its own.
   *
   * @param stage the stage reading its input
   * @param withoutInput the stage when no --input is given, or null when one is needed
   * @param options its shorthand options, made anew for each command line
   */
  record Alone(Supplier<Stage> stage, Supplier<Stage> withoutInput, List<Supplier<Shorthands>> options) {}

  public static Pipeline all() {
    return new Pipeline(alone().stream().map(a -> a.stage().get()).toList());
  }

  static List<Alone> alone() {
    return List.of(
        new Alone(ExtractStage::new, null, List.of(ExtractOptions::new)),
        new Alone(FilterStage::new, null, List.of()),
        new Alone(DedupStage::new, null, List.of(DedupOptions::new)),
        new Alone(DecontaminateStage::new, null, List.of(BenchmarkOptions::new)),
        new Alone(TokenizeStage::new, () -> new TokenizeStage(false),
            List.of(TokenizeOptions::new, TokenizerOption::new)),
        new Alone(MixStage::new, null, List.of(MixOptions::new)),
        new Alone(PackStage::new, null, List.of(TokenizerOption::new, PackOptions::new)));
  }
}

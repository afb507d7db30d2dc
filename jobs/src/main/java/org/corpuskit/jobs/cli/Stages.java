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
   * @param shorthands its shorthand options
   */
  record Alone(Supplier<Stage> stage, Supplier<Stage> withoutInput, List<Shorthand> shorthands) {}

  public static Pipeline all() {
    return new Pipeline(alone().stream().map(a -> a.stage().get()).toList());
  }

  static List<Alone> alone() {
    return List.of(
        new Alone(ExtractStage::new, null, Shorthand.EXTRACT),
        new Alone(FilterStage::new, null, List.of()),
        new Alone(DedupStage::new, null, Shorthand.DEDUP),
        new Alone(DecontaminateStage::new, null, Shorthand.BENCHMARKS),
        new Alone(TokenizeStage::new, () -> new TokenizeStage(false), concat(Shorthand.TOKENIZE, Shorthand.TOKENIZER)),
        new Alone(MixStage::new, null, Shorthand.MIX),
        new Alone(PackStage::new, null, concat(Shorthand.TOKENIZER, Shorthand.PACK)));
  }

  private static List<Shorthand> concat(List<Shorthand> first, List<Shorthand> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}

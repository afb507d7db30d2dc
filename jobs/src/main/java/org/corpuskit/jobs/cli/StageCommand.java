package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.pipeline.StageSpec;
import org.corpuskit.jobs.pipeline.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One stage run alone, {@code corpus STAGE --input ... --out DIR}: made for each of {@link Stages#alone()}, its
 * description from the stage's {@link StageSpec} and its options from the stage's shorthands, so that a new
 * stage is a command without a class of its own.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
final class StageCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "PATH", description = "What the stage reads (see above).")
  List<String> inputs = new ArrayList<>();

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOptions config;

  @Spec
  CommandSpec spec;

  private final Stages.Alone alone;

  private StageCommand(Stages.Alone alone) {
    this.alone = alone;
  }

  /** The command line of {@code alone}. */
  static CommandLine of(Stages.Alone alone) {
    StageCommand command = new StageCommand(alone);
    CommandLine line = new CommandLine(command);
    StageSpec spec = alone.stage().get().spec();
    line.getCommandSpec().name(spec.name());
    line.getCommandSpec().usageMessage().description(description(spec, alone.withoutInput() != null));
    return Shorthand.addTo(line, alone.shorthands());
  }

  private static String description(StageSpec spec, boolean inputOptional) {
    String reads = spec.reads().isEmpty() ? "--input: archive files, directories, globs or path listings "
        + "(repeatable)"
        : "--input: one dataset such as OUT/" + spec.reads().get(0).dataset() + (spec.reads().get(0).schema()
            .equals(org.corpuskit.jobs.io.Schemas.DOCUMENTS) ? ", or documents as Parquet or JSON lines with a "
            + "text field" : "") + (inputOptional ? "; optional" : "");
    return "Stage " + spec.name() + " alone: " + spec.summary() + ". Reads " + reads + "; writes OUT/"
        + spec.name() + "/{" + String.join(",", spec.writes()) + "}.";
  }

  @Override
  public Integer call() {
    List<String> sets = new ArrayList<>(Shorthand.assignments(spec));
    Stage stage = alone.stage().get();
    if (stage.reads().isEmpty()) {
      if (inputs.isEmpty()) {
        throw new UsageException("give --input: archive files, directories, globs or path listings");
      }
      sets.addAll(0, InputArguments.assignments(inputs, null));
      return PipelineLauncher.launch(new Pipeline(List.of(stage)), config.load(sets), output, Pipeline.Range.ALL,
          PipelineLauncher.WithoutInput.REFUSE);
    }
    if (inputs.isEmpty() && alone.withoutInput() != null) {
      return PipelineLauncher.launch(new Pipeline(List.of(alone.withoutInput().get())), config.load(sets), output,
          Pipeline.Range.ALL, PipelineLauncher.WithoutInput.RUN);
    }
    if (inputs.size() != 1) {
      throw new UsageException("give one --input: the " + stage.reads().get(0) + " dataset to read"
          + (alone.withoutInput() != null ? ", or none" : ""));
    }
    return PipelineLauncher.launchAlone(stage, inputs.get(0), sets, config, output);
  }
}

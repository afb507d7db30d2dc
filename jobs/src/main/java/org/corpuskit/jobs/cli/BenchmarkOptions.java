package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The benchmarks to decontaminate against and the mode, for the commands that run that stage. */
public final class BenchmarkOptions implements Shorthands {
  @Option(names = "--benchmark", paramLabel = "NAME=PATH[:PRESET]",
      description = {"A benchmark to remove from the corpus (repeatable): a file or folder, with a preset (gsm8k, "
          + "humaneval, mmlu, arc, piqa, hellaswag, winogrande, lambada, boolq, triviaqa, nq-open, truthfulqa, "
          + "squad, math, commonsenseqa, openbookqa) or fields (NAME=PATH:fields=question+answer).",
          "Replaces decontaminate.benchmarks."})
  @Key("decontaminate.benchmarks")
  List<String> benchmarks = new ArrayList<>();

  @Option(names = "--mode", paramLabel = "MODE",
      description = "remove-spans (cut matches out) or drop-document; decontaminate.mode.")
  @Key("decontaminate.mode")
  String mode;
}

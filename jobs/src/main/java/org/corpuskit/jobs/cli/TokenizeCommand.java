package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.pipeline.Pipeline;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.jobs.stages.tokenize.TokenizeStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tokenize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Stage tokenize alone: documents (such as OUT/decontaminate/documents, or any Parquet with the "
        + "documents schema) and the clean document sets, labelled with their sources, to "
        + "OUT/tokenize/{documents,rejected,failed}.")
final class TokenizeCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DOCS",
      description = "The documents dataset; without it, only the clean document sets of --documents.")
  String input;

  @Mixin
  TokenizeOptions tokenize;

  @Mixin
  TokenizerOption tokenizer;

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    List<String> sets = new ArrayList<>(tokenize.assignments());
    sets.addAll(tokenizer.assignments());
    if (input == null) {
      if (tokenize.documents.isEmpty()) {
        throw new UsageException("give --input (documents) or --documents (clean document sets), or both");
      }
      return PipelineLauncher.launch(new Pipeline(List.of(new TokenizeStage(false))), config.load(sets), output,
          Pipeline.Range.ALL, PipelineLauncher.WithoutInput.RUN);
    }
    return PipelineLauncher.launchAlone(new TokenizeStage(), input, sets, config, output);
  }
}

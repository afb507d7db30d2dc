package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The tokenizer, for the commands that encode documents or pack their ids (which needs its special ids). */
final class TokenizerOption implements Shorthands {
  @Option(names = "--tokenizer", paramLabel = "SPEC",
      description = "cl100k_base (or another tiktoken encoding), tiktoken:PATH:ENCODING (or :llama3), hf:PATH "
          + "(tokenizer.json) or spm:PATH (SentencePiece model); tokenize.tokenizer.")
  String tokenizer;

  /** The option as {@code --set} assignments. */
  @Override
  public List<String> assignments() {
    List<String> sets = new ArrayList<>();
    ConfigOptions.shorthand(sets, "tokenize.tokenizer", tokenizer);
    return sets;
  }
}

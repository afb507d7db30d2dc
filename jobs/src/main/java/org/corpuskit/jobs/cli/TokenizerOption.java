package org.corpuskit.jobs.cli;

import picocli.CommandLine.Option;

/** The tokenizer, for the commands that encode documents or pack their ids (which needs its special ids). */
final class TokenizerOption implements Shorthands {
  @Option(names = "--tokenizer", paramLabel = "SPEC",
      description = "cl100k_base (or another tiktoken encoding), tiktoken:PATH:ENCODING (or :llama3), hf:PATH "
          + "(tokenizer.json) or spm:PATH (SentencePiece model); tokenize.tokenizer.")
  @Key("tokenize.tokenizer")
  String tokenizer;
}

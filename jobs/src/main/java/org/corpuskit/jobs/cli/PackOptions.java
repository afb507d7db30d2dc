package org.corpuskit.jobs.cli;

import picocli.CommandLine.Option;

/** Shorthands for the pack stage. */
final class PackOptions implements Shorthands {
  @Option(names = "--seq-len", paramLabel = "N", description = "Shorthand for pack.seq_len.")
  @Key("pack.seq_len")
  Integer seqLen;

  @Option(names = "--strategy", paramLabel = "chunk|best-fit", description = "Shorthand for pack.strategy.")
  @Key("pack.strategy")
  String strategy;

  @Option(names = "--eos", paramLabel = "ID",
      description = "The end-of-document id, for a tokenizer that defines none; pack.eos.")
  @Key("pack.eos")
  Integer eos;
}

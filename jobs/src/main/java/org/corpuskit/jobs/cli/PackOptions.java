package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Shorthands for the pack stage. */
final class PackOptions implements Shorthands {
  @Option(names = "--seq-len", paramLabel = "N", description = "Shorthand for pack.seq_len.")
  Integer seqLen;

  @Option(names = "--strategy", paramLabel = "chunk|best-fit", description = "Shorthand for pack.strategy.")
  String strategy;

  @Option(names = "--eos", paramLabel = "ID",
      description = "The end-of-document id, for a tokenizer that defines none; pack.eos.")
  Integer eos;

  /** The options as {@code --set} assignments. */
  @Override
  public List<String> assignments() {
    List<String> sets = new ArrayList<>();
    ConfigOptions.shorthand(sets, "pack.seq_len", seqLen);
    ConfigOptions.shorthand(sets, "pack.strategy", strategy);
    ConfigOptions.shorthand(sets, "pack.eos", eos);
    return sets;
  }
}

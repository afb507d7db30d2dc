package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import org.corpuskit.jobs.pipeline.UsageException;
import picocli.CommandLine.Option;

/** Shorthands for the keys of the last stages: sources, tokenizer, mixture and packing. */
final class TrainingOptions {
  @Option(names = "--documents", paramLabel = "NAME=PATH[:OPTIONS]",
      description = "A clean document set mixed in as source NAME (repeatable): JSON lines or Parquet with a text "
          + "field, as in sources.sets (PATH:format=jsonl,text=FIELD,id=FIELD).")
  List<String> documents = new ArrayList<>();

  @Option(names = "--tokenizer", paramLabel = "SPEC",
      description = "cl100k_base (or another tiktoken encoding), tiktoken:PATH:ENCODING (or :llama3), hf:PATH "
          + "(tokenizer.json) "
          + "or spm:PATH (SentencePiece model); tokenize.tokenizer.")
  String tokenizer;

  @Option(names = "--temperature", paramLabel = "T", description = "Shorthand for mix.temperature.")
  Double temperature;

  @Option(names = "--target-tokens", paramLabel = "N", description = "Shorthand for mix.target_tokens.")
  Long targetTokens;

  @Option(names = "--seq-len", paramLabel = "N", description = "Shorthand for pack.seq_len.")
  Integer seqLen;

  @Option(names = "--strategy", paramLabel = "chunk|best-fit", description = "Shorthand for pack.strategy.")
  String strategy;

  @Option(names = "--eos", paramLabel = "ID",
      description = "The end-of-document id, for a tokenizer that defines none; pack.eos.")
  Integer eos;

  /** The options as {@code --set} assignments. */
  List<String> assignments() {
    List<String> sets = new ArrayList<>();
    for (String set : documents) {
      int eq = set.indexOf('=');
      if (eq < 1) {
        throw new UsageException("--documents takes NAME=PATH, got '" + set + "'");
      }
      sets.add("sources.sets." + set.substring(0, eq) + "=" + ConfigOptions.quoted(set.substring(eq + 1)));
    }
    if (tokenizer != null) {
      sets.add("tokenize.tokenizer=" + ConfigOptions.quoted(tokenizer));
    }
    if (temperature != null) {
      sets.add("mix.temperature=" + temperature);
    }
    if (targetTokens != null) {
      sets.add("mix.target_tokens=" + targetTokens);
    }
    if (seqLen != null) {
      sets.add("pack.seq_len=" + seqLen);
    }
    if (strategy != null) {
      sets.add("pack.strategy=" + ConfigOptions.quoted(strategy));
    }
    if (eos != null) {
      sets.add("pack.eos=" + eos);
    }
    return sets;
  }
}

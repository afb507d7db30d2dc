package org.corpuskit.jobs.config;

import java.io.Serializable;
import java.util.List;

/** Settings of the pack stage: sequences, special tokens and shards. Serializable: tasks pack with it. */
public record PackConfig(
    @Doc("Tokens per training sequence.")
    int seqLen,
    @Doc("chunk: concatenate documents and cut every seq_len tokens, no padding; best-fit: whole documents "
        + "packed by best fit with padding, for trainers that mask attention across documents.")
    String strategy,
    @Doc("The end-of-document id; -1 takes the tokenizer's own (the eos of tokenizer.json or "
        + "tokenizer_config.json, SentencePiece's eos_id, tiktoken's <|endoftext|>). Needed when the tokenizer "
        + "defines none.")
    int eos,
    @Doc("Begin every document with BOS as well.")
    boolean addBos,
    @Doc("The beginning-of-document id when add_bos is on; -1 takes the tokenizer's own.")
    int bos,
    @Doc("The id that pads; -1 pads with EOS (trainers mask padding by the boundaries).")
    int padId,
    @Doc("chunk: pad the last sequence of each shard to seq_len (true) or drop its tokens (false); counted "
        + "either way.")
    boolean padLast,
    @Doc("best-fit: sequences kept open for documents to fill; more wastes less padding and holds more memory.")
    int openSequences,
    @Doc("Target tokens per shard (the shard count is the total over this, rounded up). 2^28 int32 tokens are "
        + "about 1 GB before compression.")
    long shardTokens,
    @Doc("Seed of the shuffle: which shard a document goes to and the order of documents and of sequences.")
    long seed) implements Serializable {

  public static final PackConfig DEFAULTS = new PackConfig(2048, "chunk", -1, false, -1, -1, true, 64,
      1L << 28, 0);

  public PackConfig {
    Check.positive("seq_len", seqLen);
    Check.oneOf("strategy", strategy, List.of("chunk", "best-fit"));
    if (eos < -1 || bos < -1 || padId < -1) {
      throw new IllegalArgumentException("eos, bos and pad_id are token ids, or -1 for the tokenizer's own; got "
          + eos + ", " + bos + " and " + padId);
    }
    Check.positive("open_sequences", openSequences);
    if (shardTokens < seqLen) {
      throw new IllegalArgumentException("shard_tokens must be at least seq_len (" + seqLen + "), got "
          + shardTokens);
    }
  }

  /** This configuration with {@code id} as its EOS. */
  public PackConfig withEos(int id) {
    return new PackConfig(seqLen, strategy, id, addBos, bos, padId, padLast, openSequences, shardTokens, seed);
  }

  public boolean bestFit() {
    return strategy.equals("best-fit");
  }
}

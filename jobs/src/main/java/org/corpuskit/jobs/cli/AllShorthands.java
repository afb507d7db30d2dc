package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;

/** Every stage's shorthands, for the commands that cover the whole pipeline: run and config. */
final class AllShorthands implements Shorthands {
  @Mixin
  ExtractOptions extract;

  @Mixin
  DedupOptions dedup;

  @Mixin
  BenchmarkOptions benchmarks;

  @Mixin
  TokenizeOptions tokenize;

  @Mixin
  TokenizerOption tokenizer;

  @Mixin
  MixOptions mix;

  @Mixin
  PackOptions pack;

  @Override
  public List<String> assignments() {
    List<String> sets = new ArrayList<>();
    for (Shorthands group : List.of(extract, dedup, benchmarks, tokenize, tokenizer, mix, pack)) {
      sets.addAll(group.assignments());
    }
    return sets;
  }
}

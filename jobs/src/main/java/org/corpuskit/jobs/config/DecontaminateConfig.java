package org.corpuskit.jobs.config;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.corpuskit.decontaminate.BenchmarkSpec;
import org.corpuskit.decontaminate.Presets;

/**
 * Settings of the decontaminate stage: the benchmarks, what an n-gram is, when a match is a common phrase, and
 * what is removed. Serializable: tasks build their span cutter from it.
 */
public record DecontaminateConfig(
    @Doc("Benchmarks to remove, each NAME=PATH[:PRESET] or NAME=PATH:fields=A+B[,records=R][,format=F]"
        + "[,encoding=E]; PATH is a file or folder (JSON lines, JSON, CSV, TSV, text, Parquet; gzip too). Presets: "
        + "gsm8k, humaneval, mmlu, arc, piqa, hellaswag, winogrande, lambada, boolq, triviaqa, nq-open, "
        + "truthfulqa, squad, math, commonsenseqa, openbookqa (docs/decontamination.md). Empty: the stage passes "
        + "documents through and says so.")
    List<String> benchmarks,
    @Doc("Tokens per n-gram: GPT-3 used 13. Tokens are normalised words, or characters in scripts written "
        + "without spaces.")
    int ngram,
    @Doc("A test item shorter than ngram tokens but with at least this many is one n-gram of all of them; "
        + "shorter items are skipped and counted.")
    int minTokens,
    @Doc("An n-gram found in more than this many documents is a common phrase, not contamination, and is "
        + "ignored (listed in common_ngrams).")
    int maxDocuments,
    @Doc("remove-spans: cut each match out with its surroundings (below); drop-document: drop every document "
        + "with a match.")
    String mode,
    @Doc("Characters removed on each side of a match, before widening the cut to whole sentences.")
    int window,
    @Doc("Pieces of a cut document shorter than this many characters are dropped.")
    int minPiece,
    @Doc("A document cut into more pieces than this is dropped whole. 0: no limit.")
    int maxPieces,
    @Doc("The most n-grams broadcast as an exact set of 64-bit fingerprints (8 to 16 bytes each); above it, a "
        + "Bloom filter at bloom_false_positive_rate. Hits are verified against the n-gram text either way.")
    long setLimit,
    @Doc("The Bloom filter's false-positive rate, when the n-grams exceed set_limit.")
    double bloomFalsePositiveRate,
    @Doc("Matches per benchmark shown in the report, with their URLs.")
    int examples) implements Serializable {

  public static final DecontaminateConfig DEFAULTS = new DecontaminateConfig(List.of(), 13, 8, 10, "remove-spans",
      200, 200, 10, 20_000_000L, 0.01, 5);

  public DecontaminateConfig {
    benchmarks = List.copyOf(benchmarks);
    // Every bad benchmark is named at once, a line each, rather than one per attempt.
    Set<String> names = new HashSet<>();
    List<String> problems = new java.util.ArrayList<>();
    for (String spec : benchmarks) {
      try {
        BenchmarkSpec parsed = BenchmarkSpec.parse(spec);
        if (!names.add(parsed.name())) {
          problems.add("the name " + parsed.name() + " is given twice");
        }
      } catch (IllegalArgumentException e) {
        String name = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : spec;
        problems.add(e.getMessage().startsWith("benchmark ") ? e.getMessage() : "benchmark " + name + ": "
            + e.getMessage());
      }
    }
    if (problems.size() == 1) {
      throw new IllegalArgumentException("benchmarks: " + problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("benchmarks: " + problems.size() + " problems\n  "
          + String.join("\n  ", problems));
    }
    Check.positive("ngram", ngram);
    Check.atMost("ngram", ngram, 64);
    Check.positive("min_tokens", minTokens);
    if (minTokens > ngram) {
      throw new IllegalArgumentException("min_tokens must be at most ngram (" + ngram + "), got " + minTokens);
    }
    Check.positive("max_documents", maxDocuments);
    Check.oneOf("mode", mode, List.of("remove-spans", "drop-document"));
    Check.notNegative("window", window);
    Check.notNegative("min_piece", minPiece);
    Check.notNegative("max_pieces", maxPieces);
    if (setLimit < 0 || setLimit > (1L << 28)) {
      throw new IllegalArgumentException("set_limit must be between 0 and 268435456, got " + setLimit);
    }
    if (!(bloomFalsePositiveRate > 0 && bloomFalsePositiveRate < 1)) {
      throw new IllegalArgumentException("bloom_false_positive_rate must be between 0 and 1, got "
          + bloomFalsePositiveRate);
    }
    Check.notNegative("examples", examples);
  }

  /** The benchmarks, parsed. */
  public List<BenchmarkSpec> specs() {
    return benchmarks.stream().map(BenchmarkSpec::parse).toList();
  }

  public boolean dropsDocuments() {
    return mode.equals("drop-document");
  }

  /** This configuration with {@code others} added to its benchmarks. */
  public DecontaminateConfig withBenchmarks(List<String> others) {
    List<String> all = new java.util.ArrayList<>(benchmarks);
    all.addAll(others);
    return new DecontaminateConfig(all, ngram, minTokens, maxDocuments, mode, window, minPiece, maxPieces, setLimit,
        bloomFalsePositiveRate, examples);
  }
}

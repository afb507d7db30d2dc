package org.corpuskit.jobs.config;

import java.io.Serializable;
import java.util.List;
import org.corpuskit.dedup.MinHash;
import org.corpuskit.dedup.Shingles;

/**
 * Settings of the dedup stage: which duplicates are removed, how near duplicates are found, and which copy of
 * each group is kept. Serializable: tasks build their shingler and MinHash from it.
 */
public record DedupConfig(
    @Doc("Keep only the latest capture of each URL (by fetch_time; among equal times, the largest doc_id).")
    boolean url,
    @Doc("Remove documents whose text equals another's after NFKC, case and white-space folding.")
    boolean exact,
    @Doc("Remove near duplicates found by MinHash-LSH and clustered by connected components.")
    boolean fuzzy,
    @Doc("What a shingle is made of: words (split by language, normalised: case folded, punctuation removed, "
        + "digits folded to 0) or chars (of the text so normalised).")
    String shingleUnit,
    @Doc("Units per shingle: FineWeb takes word 5-grams.")
    int shingleSize,
    @Doc("LSH bands. Two documents are candidates when all rows of some band agree; with bands b and rows r the "
        + "chance at Jaccard similarity J is 1 - (1 - J^r)^b (docs/dedup.md). 14 × 8 is FineWeb's, a threshold "
        + "near 0.72.")
    int bands,
    @Doc("MinHash values per band.")
    int rows,
    @Doc("Seed of the shingle hashes and the MinHash permutations; runs compare only under the same seed.")
    long seed,
    @Doc("Keep a candidate pair only when the exact Jaccard similarity of its shingle sets reaches "
        + "verify_threshold; off: every candidate pair is a duplicate.")
    boolean verify,
    @Doc("The least exact Jaccard similarity of a verified pair.")
    double verifyThreshold,
    @Doc("The signal ranked first when choosing the copy to keep, highest first, when the input's signals have "
        + "it (such as a classifier's score); then the earliest crawl, then the smallest doc_id.")
    String qualitySignal,
    @Doc("Corpus-wide line dedup as CCNet does it: a normalised line found in at least this many documents is "
        + "removed from all of them. 0: off.")
    int lineMinDocs,
    @Doc("Index folders (OUT/dedup/index) of earlier releases: documents duplicating one of theirs, exactly or "
        + "nearly, are removed, and this run's index lists them as its earlier parts.")
    List<String> against,
    @Doc("Rounds of the connected-components iteration before the stage gives up; each round at least halves "
        + "the longest path in practice, so the default is never reached.")
    int maxRounds) implements Serializable {

  public static final DedupConfig DEFAULTS = new DedupConfig(true, true, true, "words", 5, 14, 8, 0x5eed, true, 0.8,
      "quality", 0, List.of(), 100);

  public DedupConfig {
    Check.oneOf("shingle_unit", shingleUnit, List.of("words", "chars"));
    Check.positive("shingle_size", shingleSize);
    Check.positive("bands", bands);
    Check.positive("rows", rows);
    Check.atMost("bands × rows", bands * rows, 4096);
    if (!(verifyThreshold >= 0 && verifyThreshold <= 1)) {
      throw new IllegalArgumentException("verify_threshold must be between 0 and 1, got " + verifyThreshold);
    }
    Check.notNegative("line_min_docs", lineMinDocs);
    if (lineMinDocs == 1) {
      throw new IllegalArgumentException("line_min_docs 1 would remove every line; give 0 (off) or at least 2");
    }
    against = List.copyOf(against);
    Check.positive("max_rounds", maxRounds);
  }

  /** These settings, deduplicating against {@code indexes} as well as the index folders they name already. */
  public DedupConfig withAgainst(List<String> indexes) {
    List<String> all = new java.util.ArrayList<>(against);
    indexes.stream().filter(i -> !all.contains(i)).forEach(all::add);
    return new DedupConfig(url, exact, fuzzy, shingleUnit, shingleSize, bands, rows, seed, verify,
        verifyThreshold, qualitySignal, lineMinDocs, all, maxRounds);
  }

  public Shingles.Unit unit() {
    return shingleUnit.equals("chars") ? Shingles.Unit.CHARS : Shingles.Unit.WORDS;
  }

  /** The similarity the bands and rows put the S-curve's steepest rise at. */
  public double threshold() {
    return MinHash.threshold(bands, rows);
  }
}

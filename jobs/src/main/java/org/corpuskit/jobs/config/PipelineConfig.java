package org.corpuskit.jobs.config;

/**
 * The whole configuration of a run: one section per stage, plus the input and the Spark session. Built from
 * the defaults here, then a YAML file, then {@code --set} overrides, by {@link ConfigLoader}.
 */
public record PipelineConfig(
    @Doc("The Spark session corpus starts when it is not run by spark-submit.")
    SparkSettings spark,
    @Doc("What the pipeline reads.")
    InputConfig input,
    @Doc("Stage extract: archive records to documents with their main text.")
    ExtractConfig extract,
    @Doc("Stage filter: quality and safety signals per document, and the rules that reject on them.")
    FilterConfig filter,
    @Doc("Stage dedup: URL, exact and near-duplicate removal across the whole corpus, and against earlier releases.")
    DedupConfig dedup,
    @Doc("Stage decontaminate: test-set n-grams found in the documents, cut out (or the documents dropped), and "
        + "a report per benchmark.")
    DecontaminateConfig decontaminate) {

  public static final PipelineConfig DEFAULTS = new PipelineConfig(SparkSettings.DEFAULTS, InputConfig.DEFAULTS,
      ExtractConfig.DEFAULTS, FilterConfig.DEFAULTS, DedupConfig.DEFAULTS, DecontaminateConfig.DEFAULTS);

  /** This configuration reading {@code other} instead of its own input. */
  public PipelineConfig withInput(InputConfig other) {
    return new PipelineConfig(spark, other, extract, filter, dedup, decontaminate);
  }

  /** This configuration with {@code other} as its decontaminate section. */
  public PipelineConfig withDecontaminate(DecontaminateConfig other) {
    return new PipelineConfig(spark, input, extract, filter, dedup, other);
  }
}

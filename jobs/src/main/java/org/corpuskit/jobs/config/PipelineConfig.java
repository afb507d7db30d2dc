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
    DecontaminateConfig decontaminate,
    @Doc("Source labels for the mixture: rules over the web documents, and clean document sets mixed in.")
    SourcesConfig sources,
    @Doc("Stage tokenize: every document of every source to token ids.")
    TokenizeConfig tokenize,
    @Doc("Stage mix: how many tokens of each source the training set takes, by temperature sampling.")
    MixConfig mix,
    @Doc("Stage pack: documents to fixed-length sequences in shuffled Parquet shards with a manifest.")
    PackConfig pack) {

  public static final PipelineConfig DEFAULTS = new PipelineConfig(SparkSettings.DEFAULTS, InputConfig.DEFAULTS,
      ExtractConfig.DEFAULTS, FilterConfig.DEFAULTS, DedupConfig.DEFAULTS, DecontaminateConfig.DEFAULTS,
      SourcesConfig.DEFAULTS, TokenizeConfig.DEFAULTS, MixConfig.DEFAULTS, PackConfig.DEFAULTS);

  /** This configuration reading {@code other} instead of its own input. */
  public PipelineConfig withInput(InputConfig other) {
    return new PipelineConfig(spark, other, extract, filter, dedup, decontaminate, sources, tokenize, mix, pack);
  }

  /** This configuration with {@code other} as its dedup section. */
  public PipelineConfig withDedup(DedupConfig other) {
    return new PipelineConfig(spark, input, extract, filter, other, decontaminate, sources, tokenize, mix, pack);
  }

  /** This configuration with {@code other} as its decontaminate section. */
  public PipelineConfig withDecontaminate(DecontaminateConfig other) {
    return new PipelineConfig(spark, input, extract, filter, dedup, other, sources, tokenize, mix, pack);
  }

  /** This configuration with {@code other} as its sources section. */
  public PipelineConfig withSources(SourcesConfig other) {
    return new PipelineConfig(spark, input, extract, filter, dedup, decontaminate, other, tokenize, mix, pack);
  }
}

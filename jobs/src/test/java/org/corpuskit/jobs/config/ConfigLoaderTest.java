package org.corpuskit.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("corpus.yaml"), yaml);
  }

  private String error(String yaml, String... sets) throws IOException {
    Path file = file(yaml);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of(sets))).getMessage()
        .replace(file.toString(), "corpus.yaml");
  }

  @Test
  void withoutAFileEveryKeyHasItsDefault() {
    assertEquals(PipelineConfig.DEFAULTS, ConfigLoader.load(null, List.of()));
  }

  @Test
  void aFileSetsTheKeysItNamesAndLeavesTheOthersAtTheirDefaults() throws IOException {
    PipelineConfig config = ConfigLoader.load(file("""
        extract:
          max_depth: 64
        input:
          paths: [a.warc.gz, "b.warc.gz"]
        spark:
          conf:
            spark.sql.shuffle.partitions: 200
        """), List.of());
    assertEquals(64, config.extract().maxDepth());
    assertEquals(ExtractConfig.DEFAULTS.maxPayloadMb(), config.extract().maxPayloadMb());
    assertEquals(List.of("a.warc.gz", "b.warc.gz"), config.input().paths());
    assertEquals(Map.of("spark.sql.shuffle.partitions", "200", "spark.ui.enabled", "false"), config.spark().conf());
  }

  @Test
  void setTakesTheDotsOfAKeyUnderAMappingAsPartOfTheKey() {
    PipelineConfig config = ConfigLoader.load(null, List.of("spark.conf.spark.sql.shuffle.partitions=7",
        "filter.rules.my_rule=signals.word_count < 3", "filter.languages.zh.rules.gopher_short_doc=",
        "mix.epochs.wiki=2"));
    assertEquals("7", config.spark().conf().get("spark.sql.shuffle.partitions"));
    assertEquals("signals.word_count < 3", config.filter().rules().get("my_rule"));
    assertEquals("", config.filter().languages().get("zh").rules().get("gopher_short_doc"));
    assertEquals(2.0, config.mix().epochs().get("wiki"));
  }

  @Test
  void offAndOnAreWordsForATextKeyAndTruthForATrueOrFalseKey() throws IOException {
    PipelineConfig config = ConfigLoader.load(file("""
        filter:
          pii:
            mode: off
        dedup:
          fuzzy: no
          url: yes
        """), List.of());
    assertEquals("off", config.filter().pii().mode());
    assertEquals(false, config.dedup().fuzzy());
    assertEquals(true, config.dedup().url());
    assertEquals("off", ConfigLoader.load(null, List.of("filter.pii.mode=off")).filter().pii().mode());
  }

  @Test
  void anEmptyPredicateForARuleThereIsNotIsAnErrorNamingTheNearestRule() throws IOException {
    String message = error("", "filter.rules.gopher_shrt_doc=");
    assertTrue(message.contains("filter.rules.gopher_shrt_doc") && message.contains("there is no rule gopher_shrt_doc")
        && message.contains("did you mean gopher_short_doc?"), message);
  }

  @Test
  void setOverridesTheFileAndReadsItsValueAsYaml() throws IOException {
    PipelineConfig config = ConfigLoader.load(file("extract:\n  max_depth: 64\n"),
        List.of("extract.max_depth=32", "input.paths=[x.warc, y.warc]", "extract.source=my crawl"));
    assertEquals(32, config.extract().maxDepth());
    assertEquals(List.of("x.warc", "y.warc"), config.input().paths());
    assertEquals("my crawl", config.extract().source());
  }

  @Test
  void anUnknownKeyNamesTheFileAndLineAndSuggestsTheKeyMeant() throws IOException {
    assertEquals("corpus.yaml line 3: unknown key extract.max_payload; did you mean extract.max_payload_mb?",
        error("extract:\n  source: x\n  max_payload: 4\n"));
  }

  @Test
  void aKeyInTheWrongSectionIsSuggestedWhereItBelongs() throws IOException {
    assertEquals("corpus.yaml line 2: unknown key input.max_depth; did you mean extract.max_depth?",
        error("input:\n  max_depth: 4\n"));
  }

  @Test
  void anUnknownSectionListsTheKnownOnesWhenNothingIsClose() throws IOException {
    assertEquals("corpus.yaml line 1: unknown key shards; known keys here: spark, input, extract, filter, dedup, "
        + "decontaminate, sources, tokenize, mix, pack", error("shards:\n  size: 1\n"));
    assertEquals("corpus.yaml line 1: unknown key tokenizer; did you mean tokenize.tokenizer?",
        error("tokenizer: cl100k_base\n"));
  }

  @Test
  void aSequenceLengthOfZeroAndImpossibleSharesAreRefusedBeforeAnyWork() throws IOException {
    assertEquals("--set pack.seq_len=0: pack.seq_len must be positive, got 0", error("", "pack.seq_len=0"));
    assertEquals("corpus.yaml line 2: mix.min_share adds up to 1.2, more than the whole mixture",
        error("mix:\n  min_share: {a: 0.7, b: 0.5}\n"));
    assertEquals("--set sources.sets.wiki=dump: sources.sets: wiki: cannot tell the format of dump from its name; "
        + "add :format=jsonl or :format=parquet", error("", "sources.sets.wiki=dump"));
  }

  @Test
  void aWrongTypeNamesTheKeyTheLineAndWhatWasExpected() throws IOException {
    assertEquals("corpus.yaml line 2: extract.max_depth must be a whole number, got 'deep'",
        error("extract:\n  max_depth: deep\n"));
    assertEquals("corpus.yaml line 1: input.paths must be a list such as [a, b], got 'a.warc.gz'",
        error("input: {paths: a.warc.gz}\n"));
    assertEquals("corpus.yaml line 1: extract is a section: expected keys under it, got 5", error("extract: 5\n"));
  }

  @Test
  void aNegativeSizeIsRefusedWithTheLineThatSetIt() throws IOException {
    assertEquals("corpus.yaml line 3: extract.max_payload_mb must be positive, got -1",
        error("extract:\n  source: x\n  max_payload_mb: -1\n"));
  }

  @Test
  void anOverrideThatBreaksARuleIsReportedAsTheSetThatDidIt() throws IOException {
    assertEquals("--set input.max_files=-2: input.max_files must not be negative, got -2",
        error("", "input.max_files=-2"));
    assertEquals("--set extract.max_dpth=2: unknown key extract.max_dpth; did you mean extract.max_depth?",
        error("", "extract.max_dpth=2"));
    assertEquals("--set extract: expected section.key=value", error("", "extract"));
  }

  @Test
  void invalidYamlAndDuplicateKeysAreErrors() throws IOException {
    assertEquals("corpus.yaml line 3: extract.max_depth is set twice",
        error("extract:\n  max_depth: 1\n  max_depth: 2\n"));
    assertEquals("corpus.yaml line 1: the configuration must be a mapping of sections (extract:, input:, ...)",
        error("- a\n- b\n"));
  }

  @Test
  void aMissingFileIsAClearError() {
    Path missing = dir.resolve("nope.yaml");
    assertEquals("--config " + missing + ": no such file",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, List.of())).getMessage());
  }

  @Test
  void theHashOfASectionChangesWithItsValuesOnly() {
    ExtractConfig a = ExtractConfig.DEFAULTS;
    assertEquals(ConfigTree.hash(a), ConfigTree.hash(ConfigLoader.load(null, List.of("extract.max_depth=512")).extract()));
    assertNotEquals(ConfigTree.hash(a), ConfigTree.hash(ConfigLoader.load(null, List.of("extract.max_depth=513")).extract()));
  }
}

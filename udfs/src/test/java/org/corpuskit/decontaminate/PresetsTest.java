package org.corpuskit.decontaminate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.corpuskit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each preset against a small file written here in the benchmark's published format (our own items, the
 * published field names and nesting), and against the real file where ../shared/data/benchmarks has it.
 */
class PresetsTest {
  /**
   * One example file per layout, in preset-examples.jsonl: the published field names and nesting, our own items,
   * and the item the preset must read from it. corpus-tools harness layouts makes benchmark files from them.
   */
  static Stream<Arguments> publishedFormats() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Arguments> examples = new ArrayList<>();
    try (InputStream in = PresetsTest.class.getResourceAsStream("preset-examples.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        JsonNode example = json.readTree(line);
        examples.add(Arguments.of(example.get("preset").asText(), example.get("file").asText(),
            example.get("content").asText(), example.get("item").asText()));
      }
    }
    return examples.stream();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("publishedFormats")
  void aPresetReadsItsPublishedFormat(String preset, String file, String content, String firstItem)
      throws IOException {
    BenchmarkSpec spec = BenchmarkSpec.parse("b=" + file + ":" + preset);
    List<BenchmarkItem> items = BenchmarkReaderTest.read(spec, file, content,
        BenchmarkFormat.of(file).orElseThrow());
    assertEquals(firstItem, items.get(0).text());
  }

  @Test
  void everyPresetIsTestedInAPublishedFormat() throws IOException {
    assertEquals(Presets.names(), publishedFormats().map(a -> (String) a.get()[0]).distinct().sorted().toList());
  }

  @Test
  void gsm8kRealTestSet() throws IOException {
    assertReadsEveryLine("gsm8k", "benchmarks/gsm8k/test.jsonl", 1319);
  }

  @Test
  void humanEvalRealFile() throws IOException {
    assertReadsEveryLine("humaneval", "benchmarks/humaneval/HumanEval.jsonl.gz", 164);
  }

  @Test
  void mosaicMlCopiesOfArcPiqaCommonsenseQaLambadaAndMath() throws IOException {
    String root = "benchmarks/llm-foundry-local_data/";
    assertReadsEveryLine("arc", root + "world_knowledge/arc_challenge.jsonl", 1172);
    assertReadsEveryLine("arc", root + "world_knowledge/arc_easy.jsonl", 2376);
    assertReadsEveryLine("piqa", root + "commonsense_reasoning/piqa.jsonl", 1838);
    assertReadsEveryLine("commonsenseqa", root + "commonsense_reasoning/commonsense_qa.jsonl", 1221);
    assertReadsEveryLine("lambada", root + "language_understanding/lambada_openai.jsonl", 5153);
    assertReadsEveryLine("math", root + "symbolic_problem_solving/math.jsonl", 5000);
  }

  @Test
  void mmluReduxRealFilesIncludingTheMacRomanApostrophes() throws IOException {
    Path folder = SharedData.require("benchmarks/mmlu-redux/mmlu_redux");
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.sorted().toList();
    }
    assertEquals(57, files.size());
    List<BenchmarkItem> items = new ArrayList<>();
    for (Path file : files) {
      items.addAll(read(BenchmarkSpec.parse("mmlu=" + folder + ":mmlu"), file));
    }
    assertEquals(5700, items.size());
    assertTrue(items.stream().anyMatch(i -> i.text().contains("I slapped my sister\u2019s head")));
    Path moral = folder.resolve("mmlu_moral_scenarios.csv");
    BenchmarkException e = assertThrows(BenchmarkException.class,
        () -> read(BenchmarkSpec.parse("mmlu=" + moral + ":fields=question+choices"), moral));
    assertTrue(e.getMessage().startsWith("benchmark mmlu: mmlu_moral_scenarios.csv line "), e.getMessage());
  }

  private static void assertReadsEveryLine(String preset, String relative, int lines) throws IOException {
    Path file = SharedData.require(relative);
    List<BenchmarkItem> items = read(BenchmarkSpec.parse(preset + "=" + file + ":" + preset), file);
    assertEquals(lines, items.size(), relative);
    Tokens tokens = new Tokens();
    long short8 = items.stream().filter(i -> tokens.of(i.text()).count() < 8).count();
    // Gold-only items of PIQA are short: "dresser" and its answer. They are counted in the stage report.
    assertTrue(short8 < lines / 10, relative + ": " + short8 + " items under 8 tokens");
  }

  private static List<BenchmarkItem> read(BenchmarkSpec spec, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new BenchmarkReader(spec).read(file.getFileName().toString(),
          BenchmarkFormat.of(file.getFileName().toString()).orElseThrow(), in);
    }
  }
}

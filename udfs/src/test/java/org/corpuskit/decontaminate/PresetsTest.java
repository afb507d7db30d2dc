package org.corpuskit.decontaminate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
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
  static Stream<Arguments> publishedFormats() {
    return Stream.of(
        Arguments.of("gsm8k", "test.jsonl", "{\"question\": \"Ann has 3 pens and buys 4. How many?\", "
            + "\"answer\": \"3 + 4 = <<3+4=7>>7\\n#### 7\"}", "Ann has 3 pens and buys 4. How many?\n3 + 4 = <<3+4=7>>7\n#### 7"),
        Arguments.of("humaneval", "HumanEval.jsonl", "{\"task_id\": \"HumanEval/0\", \"prompt\": \"def add(a, b):\\n\", "
            + "\"canonical_solution\": \"    return a + b\\n\", \"test\": \"assert add(1, 2) == 3\", "
            + "\"entry_point\": \"add\"}", "def add(a, b):\n\n    return a + b\n"),
        Arguments.of("mmlu", "astronomy_test.csv", "\"Which planet is largest?\",Mars,Jupiter,Venus,Earth,B",
            "Which planet is largest?\nMars\nJupiter\nVenus\nEarth"),
        Arguments.of("mmlu", "mmlu_astronomy.csv", "question,choices,answer\n\"Which planet is largest?\","
            + "\"['Mars', 'Jupiter']\",1", "Which planet is largest?\n['Mars', 'Jupiter']"),
        Arguments.of("arc", "ARC-Challenge-Test.jsonl", "{\"id\": \"X_1\", \"question\": {\"stem\": \"Which is a gas?\", "
            + "\"choices\": [{\"text\": \"ice\", \"label\": \"A\"}, {\"text\": \"steam\", \"label\": \"B\"}]}, "
            + "\"answerKey\": \"B\"}", "Which is a gas?\nice\nsteam"),
        Arguments.of("arc", "arc.jsonl", "{\"id\": \"X_1\", \"question\": \"Which is a gas?\", \"choices\": "
            + "{\"text\": [\"ice\", \"steam\"], \"label\": [\"A\", \"B\"]}, \"answerKey\": \"B\"}", "Which is a gas?\nice\nsteam"),
        Arguments.of("piqa", "valid.jsonl", "{\"goal\": \"Open a jar.\", \"sol1\": \"Twist the lid.\", "
            + "\"sol2\": \"Shake the jar.\"}", "Open a jar.\nTwist the lid.\nShake the jar."),
        Arguments.of("hellaswag", "hellaswag_val.jsonl", "{\"ind\": 4, \"activity_label\": \"Baking\", \"ctx_a\": "
            + "\"A man mixes flour.\", \"ctx_b\": \"he\", \"ctx\": \"A man mixes flour. he\", \"split\": \"val\", "
            + "\"split_type\": \"indomain\", \"label\": 1, \"endings\": [\"sings.\", \"adds eggs.\"], "
            + "\"source_id\": \"x\"}", "A man mixes flour. he\nsings.\nadds eggs."),
        Arguments.of("winogrande", "dev.jsonl", "{\"qID\": \"1-1\", \"sentence\": \"The cup beat the jug because _ "
            + "was faster.\", \"option1\": \"cup\", \"option2\": \"jug\", \"answer\": \"1\"}",
            "The cup beat the jug because _ was faster.\ncup\njug"),
        Arguments.of("lambada", "lambada_test.jsonl", "{\"text\": \"She opened the door and saw her brother\"}",
            "She opened the door and saw her brother"),
        Arguments.of("boolq", "dev.jsonl", "{\"question\": \"is the river longer than the canal\", \"title\": "
            + "\"River\", \"answer\": true, \"passage\": \"The river runs for miles.\"}",
            "is the river longer than the canal\nThe river runs for miles."),
        Arguments.of("triviaqa", "verified-web-dev.json", "{\"Data\": [{\"Answer\": {\"Aliases\": [\"Oslo\"], "
            + "\"Value\": \"Oslo\"}, \"Question\": \"Which city hosts the prize?\", \"QuestionId\": \"tc_1\"}], "
            + "\"Domain\": \"Web\", \"Version\": 1.0}", "Which city hosts the prize?\nOslo"),
        Arguments.of("triviaqa", "validation.jsonl", "{\"question\": \"Which city hosts the prize?\", "
            + "\"question_id\": \"tc_1\", \"answer\": {\"aliases\": [\"Oslo\"], \"value\": \"Oslo\"}}",
            "Which city hosts the prize?\nOslo"),
        Arguments.of("nq-open", "NQ-open.dev.jsonl", "{\"question\": \"who built the old bridge\", \"answer\": "
            + "[\"the town\", \"its mayor\"]}", "who built the old bridge\nthe town\nits mayor"),
        Arguments.of("truthfulqa", "TruthfulQA.csv", "Type,Category,Question,Best Answer,Correct Answers,"
            + "Incorrect Answers,Source\nAdversarial,Myths,What happens if you swallow gum?,It passes through you,"
            + "It passes,It stays for years,https://example.org", "What happens if you swallow gum?\nIt passes through you"),
        Arguments.of("squad", "dev-v2.0.json", "{\"version\": \"v2.0\", \"data\": [{\"title\": \"Rivers\", "
            + "\"paragraphs\": [{\"qas\": [{\"question\": \"How long is it?\", \"id\": \"a1\", \"answers\": "
            + "[{\"text\": \"long\", \"answer_start\": 9}], \"is_impossible\": false}, {\"question\": \"Where?\", "
            + "\"id\": \"a2\", \"answers\": [], \"is_impossible\": true}], \"context\": \"The river is long.\"}]}]}",
            "The river is long.\nHow long is it?\nWhere?"),
        Arguments.of("math", "1.json", "{\"problem\": \"What is $2+3$?\", \"level\": \"Level 1\", \"type\": "
            + "\"Prealgebra\", \"solution\": \"It is $\\\\boxed{5}$.\"}", "What is $2+3$?\nIt is $\\boxed{5}$."),
        Arguments.of("commonsenseqa", "dev_rand_split.jsonl", "{\"answerKey\": \"A\", \"id\": \"x\", \"question\": "
            + "{\"question_concept\": \"door\", \"choices\": [{\"label\": \"A\", \"text\": \"bank\"}, {\"label\": "
            + "\"B\", \"text\": \"mall\"}], \"stem\": \"Where is a revolving door?\"}}", "Where is a revolving door?\nbank\nmall"),
        Arguments.of("openbookqa", "test.jsonl", "{\"id\": \"7-1\", \"question\": {\"stem\": \"Plants need\", "
            + "\"choices\": [{\"text\": \"light\", \"label\": \"A\"}, {\"text\": \"noise\", \"label\": \"B\"}]}, "
            + "\"answerKey\": \"A\"}", "Plants need\nlight\nnoise"));
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
  void everyPresetIsTestedInAPublishedFormat() {
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
    assertTrue(short8 < lines / 100 + 1, relative + ": " + short8 + " items under 8 tokens");
  }

  private static List<BenchmarkItem> read(BenchmarkSpec spec, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new BenchmarkReader(spec).read(file.getFileName().toString(),
          BenchmarkFormat.of(file.getFileName().toString()).orElseThrow(), in);
    }
  }
}

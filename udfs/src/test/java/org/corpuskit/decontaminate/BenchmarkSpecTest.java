package org.corpuskit.decontaminate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkSpecTest {
  @Test
  void aPresetFollowsTheLastColon() {
    BenchmarkSpec spec = BenchmarkSpec.parse("gsm8k=/data/gsm8k/test.jsonl:gsm8k");
    assertEquals("gsm8k", spec.name());
    assertEquals("/data/gsm8k/test.jsonl", spec.path());
    assertEquals("gsm8k", spec.preset());
  }

  @Test
  void aUriIsAPathNotOptions() {
    BenchmarkSpec spec = BenchmarkSpec.parse("evals=s3a://bucket/evals/mmlu/");
    assertEquals("s3a://bucket/evals/mmlu/", spec.path());
    assertEquals("", spec.preset());
    assertEquals("s3a://bucket/evals/x.csv", BenchmarkSpec.parse("e=s3a://bucket/evals/x.csv:mmlu").path());
  }

  @Test
  void settingsGiveFieldsRecordsAndFormat() {
    BenchmarkSpec spec = BenchmarkSpec.parse("mine=evals.dat:fields=question.stem+choices,records=data,format=json");
    assertEquals(List.of("question.stem", "choices"), spec.fields());
    assertEquals("data", spec.records());
    assertEquals("json", spec.format());
    assertEquals(List.of(new Layout(List.of("question.stem", "choices"), "data", false, Shape.AS_IS)), spec.layouts());
  }

  @Test
  void aSpecPrintsAsItParses() {
    for (String text : List.of("a=x.jsonl", "a=x.jsonl:gsm8k", "a=x.json:fields=q+a,records=data",
        "a=x:preset=mmlu,format=csv", "a=x.csv:fields=0+1,encoding=windows-1252")) {
      assertEquals(text, BenchmarkSpec.parse(text).toString());
    }
  }

  @Test
  void anUnknownPresetNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BenchmarkSpec.parse("g=test.jsonl:gsm8"));
    assertTrue(e.getMessage().contains("gsm8k, hellaswag"), e.getMessage());
  }

  @Test
  void malformedSpecsAreRefusedWithTheExpectedForm() {
    assertThrows(IllegalArgumentException.class, () -> BenchmarkSpec.parse("test.jsonl"));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkSpec.parse("g="));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkSpec.parse("g=x:fields=a,colour=red"));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkSpec.parse("g=x:preset=gsm8k,fields=a"));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkSpec.parse("g=x:format=xml"));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkSpec.parse("g=x:fields=a..b"));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkSpec.parse("g=x:encoding=klingon-8"));
  }
}

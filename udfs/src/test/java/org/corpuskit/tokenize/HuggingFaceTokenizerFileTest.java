package org.corpuskit.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.corpuskit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GPT-2's tokenizer.json against llama.cpp's reference vectors for it, in ../shared/data/tokenizers. */
class HuggingFaceTokenizerFileTest {
  @TempDir
  Path dir;

  @Test
  void everyLlamaCppGpt2VectorGivesTheExpectedIds() throws IOException {
    Path vectors = SharedData.require("tokenizers/llama.cpp-vocab-tests");
    List<String> inputs = List.of(Files.readString(vectors.resolve("ggml-vocab-gpt-2.gguf.inp"))
        .split("\n__ggml_vocab_test__\n", -1));
    List<String> expected = Files.readAllLines(vectors.resolve("ggml-vocab-gpt-2.gguf.out"));
    assertEquals(46, expected.size());
    try (HuggingFaceTokenizerFile tokenizer = gpt2()) {
      for (int i = 0; i < expected.size(); i++) {
        String ids = Arrays.stream(tokenizer.encode(inputs.get(i))).mapToObj(id -> " " + id)
            .collect(Collectors.joining());
        assertEquals(expected.get(i), ids, "case " + i + ": " + inputs.get(i));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"llama-bpe, llama3, 128001, 128000", "llama-spm, llama2, 2, 1"})
  void llamaCppLlamaVectorsGiveTheExpectedIdsWithTheModelsTokenizerJson(String vocab, String model, int eos,
      int bos) throws IOException {
    // The vectors are in the shared data; Llama's tokenizer files are not, so this runs only where someone has
    // put them there (tokenizers/llama3/tokenizer.json beside its tokenizer_config.json, likewise llama2).
    Path file = SharedData.ifPresent("tokenizers/" + model + "/tokenizer.json");
    Path vectors = SharedData.require("tokenizers/llama.cpp-vocab-tests");
    List<String> inputs = List.of(Files.readString(vectors.resolve("ggml-vocab-" + vocab + ".gguf.inp"))
        .split("\n__ggml_vocab_test__\n", -1));
    List<String> expected = Files.readAllLines(vectors.resolve("ggml-vocab-" + vocab + ".gguf.out"));
    try (HuggingFaceTokenizerFile tokenizer = HuggingFaceTokenizerFile.open(file)) {
      assertEquals(OptionalInt.of(eos), tokenizer.eos());
      assertEquals(OptionalInt.of(bos), tokenizer.bos());
      for (int i = 0; i < expected.size(); i++) {
        String ids = Arrays.stream(tokenizer.encode(inputs.get(i))).mapToObj(id -> " " + id)
            .collect(Collectors.joining());
        assertEquals(expected.get(i), ids, "case " + i + ": " + inputs.get(i));
      }
    }
  }

  @Test
  void theEndOfTextTokenIsTheFilesOwnAndItsSpellingInADocumentIsOrdinaryText() throws IOException {
    try (HuggingFaceTokenizerFile tokenizer = gpt2()) {
      assertEquals(OptionalInt.of(50256), tokenizer.eos());
      assertEquals(OptionalInt.empty(), tokenizer.bos());
      int[] ids = tokenizer.encode("see <|endoftext|> here");
      assertFalse(Arrays.stream(ids).anyMatch(id -> id == 50256), Arrays.toString(ids));
      assertEquals("see <|endoftext|> here", tokenizer.decode(ids));
    }
  }

  @Test
  void aTokenizerConfigBesideTheFileNamesTheEndOfText() throws IOException {
    Path copy = dir.resolve("tokenizer.json");
    Files.copy(SharedData.require("tokenizers/gpt2/tokenizer.json"), copy);
    Files.writeString(dir.resolve("tokenizer_config.json"), "{\"eos_token\": {\"content\": \"<|endoftext|>\"}}");
    try (HuggingFaceTokenizerFile tokenizer = HuggingFaceTokenizerFile.open(copy)) {
      assertEquals(OptionalInt.of(50256), tokenizer.eos());
    }
    Files.writeString(dir.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HuggingFaceTokenizerFile.open(copy));
    assertTrue(e.getMessage().endsWith("tokenizer_config.json's eos_token </s> is not one of its special tokens"),
        e.getMessage());
  }

  @Test
  void aFileThatIsNotATokenizerIsNamed() throws IOException {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"model\": ");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HuggingFaceTokenizerFile.open(broken))
        .getMessage().startsWith(broken + ": not a tokenizer.json"));
    Files.writeString(broken, "{\"vocab\": {}}");
    assertEquals(broken + ": not a tokenizer.json (no \"model\")",
        assertThrows(IllegalArgumentException.class, () -> HuggingFaceTokenizerFile.open(broken)).getMessage());
  }

  private static HuggingFaceTokenizerFile gpt2() throws IOException {
    return HuggingFaceTokenizerFile.open(SharedData.require("tokenizers/gpt2/tokenizer.json"));
  }
}

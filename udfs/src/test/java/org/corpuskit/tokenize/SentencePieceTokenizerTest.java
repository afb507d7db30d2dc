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

class SentencePieceTokenizerTest {
  @TempDir
  Path dir;

  @Test
  void mistralsEndAndBeginningIdsComeFromItsModel() throws IOException {
    try (SentencePieceTokenizer mistral = mistral()) {
      assertEquals(OptionalInt.of(2), mistral.eos());
      assertEquals(OptionalInt.of(1), mistral.bos());
      assertEquals("</s>", mistral.piece(2));
      assertEquals("<s>", mistral.piece(1));
    }
  }

  @Test
  void theIdsAreReadFromTheTrainerSpecWhereAModelSetsThem() {
    byte[] model = {
        0x0A, 0x03, 0x0A, 0x01, 'a',
        0x12, 0x0F,
        (byte) 0xC8, 0x02, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, 0x01,
        (byte) 0xD0, 0x02, 0x07};
    SentencePieceTokenizer.ModelIds ids = SentencePieceTokenizer.ModelIds.of(model);
    assertEquals(OptionalInt.of(7), ids.eos());
    assertEquals(OptionalInt.empty(), ids.bos());
  }

  @Test
  void textRoundTripsAndAControlSymbolsSpellingIsOrdinaryText() throws IOException {
    try (SentencePieceTokenizer mistral = mistral()) {
      for (String text : List.of("Hello world", "Führer ied 4 ½ months", "нещо на Български", "see </s> here")) {
        int[] ids = mistral.encode(text);
        assertEquals(text, mistral.decode(ids));
        assertFalse(Arrays.stream(ids).anyMatch(id -> id == 1 || id == 2), text + ": " + Arrays.toString(ids));
      }
    }
  }

  @Test
  void llamaCppSpmVectorsGiveTheExpectedIdsWithLlama2sModel() throws IOException {
    // The vectors are in the shared data; Llama 2's tokenizer.model is not (Mistral's differs), so this runs only
    // where someone has put it there.
    Path model = SharedData.ifPresent("tokenizers/llama2/tokenizer.model");
    Path vectors = SharedData.require("tokenizers/llama.cpp-vocab-tests");
    List<String> inputs = List.of(Files.readString(vectors.resolve("ggml-vocab-llama-spm.gguf.inp"))
        .split("\n__ggml_vocab_test__\n", -1));
    List<String> expected = Files.readAllLines(vectors.resolve("ggml-vocab-llama-spm.gguf.out"));
    try (SentencePieceTokenizer llama = SentencePieceTokenizer.open(model)) {
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), Arrays.stream(llama.encode(inputs.get(i))).mapToObj(id -> " " + id)
            .collect(Collectors.joining()), inputs.get(i));
      }
    }
  }

  @Test
  void aFileThatIsNotAModelIsNamed() throws IOException {
    Path broken = dir.resolve("tokenizer.model");
    Files.write(broken, new byte[] {0x12, 0x7f, 0x01});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SentencePieceTokenizer.open(broken));
    assertTrue(e.getMessage().startsWith(broken + ": not a SentencePiece model: "), e.getMessage());
  }

  private static SentencePieceTokenizer mistral() throws IOException {
    return SentencePieceTokenizer.open(SharedData.require("tokenizers/mistral/tokenizer.model.v1"));
  }
}

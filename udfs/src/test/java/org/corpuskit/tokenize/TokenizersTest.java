package org.corpuskit.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;
import org.corpuskit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizersTest {
  @ParameterizedTest
  @ValueSource(strings = {"r50k_base", "p50k_base", "cl100k_base", "o200k_base"})
  void aRankFileWithItsEncodingsPatternEncodesEveryVectorAsTheBuiltIn(String encoding) throws IOException {
    Path ranks = SharedData.require("tokenizers/tiktoken-bpe/" + encoding + ".tiktoken");
    Tokenizer fromFile = Tokenizers.open("tiktoken:" + ranks + ":" + encoding);
    Tokenizer builtIn = Tokenizers.open(encoding);
    for (String[] row : TiktokenTokenizerTest.csv(SharedData.require("tokenizers/jtokkit-test-vectors/" + encoding
        + "_encodings.csv"))) {
      assertArrayEquals(TiktokenTokenizerTest.ids(row[1]), fromFile.encode(row[0]), () -> encoding + ": " + row[0]);
    }
    assertEquals(builtIn.eos(), fromFile.eos());
  }

  @Test
  void tokenizerJsonAndSentencePieceFilesOpenByPrefix() {
    Tokenizer gpt2 = Tokenizers.open("hf:" + SharedData.require("tokenizers/gpt2/tokenizer.json"));
    assertInstanceOf(HuggingFaceTokenizerFile.class, gpt2);
    assertEquals(OptionalInt.of(50256), gpt2.eos());
    Tokenizer mistral = Tokenizers.open("spm:" + SharedData.require("tokenizers/mistral/tokenizer.model.v1"));
    assertInstanceOf(SentencePieceTokenizer.class, mistral);
    assertEquals(OptionalInt.of(2), mistral.eos());
  }

  @Test
  void llama3sSpecialTokensFollowItsRanks(@TempDir Path dir) throws IOException {
    Path ranks = rankFile(dir, Map.of("ab", 256, "abc", 257));
    Tokenizer llama = Tokenizers.open("tiktoken:" + ranks + ":llama3");
    assertEquals(OptionalInt.of(258), llama.bos());
    assertEquals(OptionalInt.of(259), llama.eos());
    assertArrayEquals(new int[] {257, ' ', 256}, llama.encode("abc ab"));
    assertEquals("<|end_of_text|>", llama.decode(new int[] {259}));
  }

  @Test
  void aRankFileCannotTakeSpecialIdsItGivesOrdinaryTokens(@TempDir Path dir) throws IOException {
    Path ranks = rankFile(dir, Map.of("ab", 100257));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Tokenizers.open("tiktoken:" + ranks + ":cl100k_base"));
    assertTrue(error.getMessage().contains("special token <|endoftext|> has id 100257, which the rank file gives an "
        + "ordinary token"), error.getMessage());
  }

  /** Every byte as its own rank, then {@code more}. */
  private static Path rankFile(Path dir, Map<String, Integer> more) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int b = 0; b < 256; b++) {
      lines.append(Base64.getEncoder().encodeToString(new byte[] {(byte) b})).append(' ').append(b).append('\n');
    }
    more.forEach((token, rank) -> lines.append(Base64.getEncoder().encodeToString(
        token.getBytes(StandardCharsets.UTF_8))).append(' ').append(rank).append('\n'));
    return Files.writeString(dir.resolve("tokenizer.model"), lines);
  }

  @Test
  void badSpecsAreRefusedBeforeAnyWork() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Tokenizers.open("cl100k"))
        .getMessage().startsWith("no built-in tiktoken encoding 'cl100k'"));
    assertEquals("tokenizer file /nowhere/tokenizer.json: no such file",
        assertThrows(IllegalArgumentException.class, () -> Tokenizers.open("hf:/nowhere/tokenizer.json")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Tokenizers.open("tiktoken:ranks.tiktoken"))
        .getMessage().startsWith("tiktoken:PATH:ENCODING names the encoding"));
    assertThrows(IllegalArgumentException.class, () -> Tokenizers.open(" "));
  }

  @Test
  void theChecksumTellsEncodingsApartAndIsStable() {
    String cl100k = Tokenizers.checksum("cl100k_base");
    assertTrue(cl100k.matches("sha256:[0-9a-f]{64}"), cl100k);
    assertEquals(cl100k, Tokenizers.checksum("cl100k_base"));
    assertNotEquals(cl100k, Tokenizers.checksum("o200k_base"));
    assertNotEquals(Tokenizers.checksum("r50k_base"), Tokenizers.checksum("p50k_base"));
  }

  @Test
  void theChecksumOfATokenizerFileIsTheFilesSha256(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(file, "abc");
    assertEquals("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Tokenizers.checksum("hf:" + file));
  }
}

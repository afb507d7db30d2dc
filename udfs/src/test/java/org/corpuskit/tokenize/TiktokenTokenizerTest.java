package org.corpuskit.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.corpuskit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact parity with OpenAI's tiktoken, on the reference vectors in ../shared/data/tokenizers. */
class TiktokenTokenizerTest {
  @ParameterizedTest
  @ValueSource(strings = {"r50k_base", "p50k_base", "p50k_edit", "cl100k_base", "o200k_base"})
  void everyJtokkitReferenceVectorGivesTheExpectedIds(String encoding) throws IOException {
    Path csv = SharedData.require("tokenizers/jtokkit-test-vectors/" + encoding + "_encodings.csv");
    TiktokenTokenizer tokenizer = TiktokenTokenizer.builtIn(encoding);
    List<String[]> rows = csv(csv);
    assertTrue(rows.size() > 400, rows.size() + " vectors");
    for (String[] row : rows) {
      assertArrayEquals(ids(row[1]), tokenizer.encode(row[0]), () -> encoding + ": " + row[0]);
      assertEquals(row[0], tokenizer.decode(ids(row[1])));
    }
  }

  @Test
  void tiktokensOwnTestVectorsGiveTheExpectedIds() throws IOException {
    JsonNode vectors = new ObjectMapper().readTree(SharedData.require("tokenizers/tiktoken-upstream-test-vectors.json")
        .toFile()).get("vectors");
    int checked = 0;
    for (JsonNode vector : vectors) {
      String encoding = vector.get("encoding").asText();
      // Llama 3's rank file is not in the shared data; raw-byte vectors have no text to give a String tokenizer.
      if (encoding.equals("llama3") || !vector.has("text")) {
        continue;
      }
      TiktokenTokenizer tokenizer = TiktokenTokenizer.builtIn(encoding);
      String text = vector.get("text").asText();
      int[] expected = new ObjectMapper().convertValue(vector.get("ids"), int[].class);
      boolean specials = vector.path("allowed_special").asText().equals("all");
      assertArrayEquals(expected, specials ? tokenizer.encodeWithSpecials(text) : tokenizer.encode(text),
          () -> encoding + ": " + text);
      checked++;
    }
    assertEquals(31, checked);
  }

  @Test
  void llamaCppLlamaBpeVectorsGiveTheExpectedIdsWithLlama3sRankFile() throws IOException {
    // The vectors are in the shared data; Llama 3's tokenizer.model is not, so this runs only where someone has
    // put it there.
    Path model = SharedData.ifPresent("tokenizers/llama3/tokenizer.model");
    Path vectors = SharedData.require("tokenizers/llama.cpp-vocab-tests");
    List<String> inputs = List.of(Files.readString(vectors.resolve("ggml-vocab-llama-bpe.gguf.inp"))
        .split("\n__ggml_vocab_test__\n", -1));
    List<String> expected = Files.readAllLines(vectors.resolve("ggml-vocab-llama-bpe.gguf.out"));
    Tokenizer llama = Tokenizers.open("tiktoken:" + model + ":llama3");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(ids(expected.get(i).trim().replace(' ', ',')), llama.encode(inputs.get(i)), inputs.get(i));
    }
    JsonNode upstream = new ObjectMapper().readTree(SharedData.require("tokenizers/tiktoken-upstream-test-vectors.json")
        .toFile()).get("vectors");
    for (JsonNode vector : upstream) {
      if (vector.get("encoding").asText().equals("llama3")) {
        int[] ids = new ObjectMapper().convertValue(vector.get("ids"), int[].class);
        assertEquals(ids[0], llama.bos().getAsInt());
        assertEquals(ids[ids.length - 1], llama.eos().getAsInt());
        assertArrayEquals(Arrays.copyOfRange(ids, 1, ids.length - 1), llama.encode(vector.get("text").asText()));
      }
    }
  }

  @Test
  void aBuiltInEncodingIsLoadedOncePerJvmAndShared() {
    assertSame(TiktokenTokenizer.builtIn("cl100k_base"), TiktokenTokenizer.builtIn("cl100k_base"));
  }

  @Test
  void endOfTextIsEachEncodingsOwnToken() {
    assertEquals(OptionalInt.of(50256), TiktokenTokenizer.builtIn("r50k_base").eos());
    assertEquals(OptionalInt.of(100257), TiktokenTokenizer.builtIn("cl100k_base").eos());
    assertEquals(OptionalInt.of(199999), TiktokenTokenizer.builtIn("o200k_base").eos());
    assertEquals(OptionalInt.empty(), TiktokenTokenizer.builtIn("cl100k_base").bos());
  }

  @Test
  void aSpecialTokensSpellingInADocumentIsOrdinaryText() {
    TiktokenTokenizer tokenizer = TiktokenTokenizer.builtIn("cl100k_base");
    int[] ids = tokenizer.encode("see <|endoftext|> here");
    assertFalse(Arrays.stream(ids).anyMatch(id -> id == 100257), Arrays.toString(ids));
    assertEquals("see <|endoftext|> here", tokenizer.decode(ids));
  }

  @Test
  void badRankFilesAndPatternsAreNamed() {
    IllegalArgumentException line = assertThrows(IllegalArgumentException.class, () -> TiktokenTokenizer
        .fromRankFile("mine", new ByteArrayInputStream("IQ== 0\nnot-a-rank\n".getBytes(StandardCharsets.US_ASCII)),
            "\\s+", Map.of(), null, null));
    assertEquals("mine: rank file line 2 is not 'base64-token rank': 'not-a-rank'", line.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TiktokenTokenizer.fromRankFile("mine",
        new ByteArrayInputStream(new byte[0]), "\\s+", Map.of(), null, null));
    assertThrows(IllegalArgumentException.class, () -> TiktokenTokenizer.fromRankFile("mine",
        new ByteArrayInputStream("IQ== 0\n".getBytes(StandardCharsets.US_ASCII)), "(unclosed", Map.of(), null, null));
    assertThrows(IllegalArgumentException.class, () -> TiktokenTokenizer.fromRankFile("mine",
        new ByteArrayInputStream("IQ== 0\n".getBytes(StandardCharsets.US_ASCII)), "\\s+", Map.of(), "<eos>", null));
    assertThrows(IllegalArgumentException.class, () -> TiktokenTokenizer.builtIn("cl200k_base"));
  }

  static int[] ids(String list) {
    String inner = list.replaceAll("[\\[\\]\\s]", "");
    return inner.isEmpty() ? new int[0] : Arrays.stream(inner.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /** The rows after the header of an RFC 4180 file: quoted fields may hold commas, quotes and line breaks. */
  static List<String[]> csv(Path path) throws IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        rows.add(fields.toArray(String[]::new));
        fields.clear();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(fields.toArray(String[]::new));
    }
    return rows.subList(1, rows.size()).stream().filter(r -> r.length > 1).toList();
  }
}

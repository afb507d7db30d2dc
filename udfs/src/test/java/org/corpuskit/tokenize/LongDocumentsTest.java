package org.corpuskit.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.corpuskit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Every tokenizer kind encodes a document whole, however long: a 100,000-character document gives the reference
 * encoder's ids, not the first 512 of them (DJL truncates Hugging Face tokenizers unless told not to).
 */
class LongDocumentsTest {
  private static final int LENGTH = 100_000;

  @Test
  void aHuggingFaceTokenizerJsonEncodesAHundredThousandCharactersAsTiktokenDoes() throws IOException {
    String document = document(LENGTH, 1);
    // GPT-2's tokenizer.json is r50k_base: the same vocabulary, merges and split pattern.
    int[] reference = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE)
        .encodeOrdinary(document).toArray();
    try (HuggingFaceTokenizerFile gpt2 = HuggingFaceTokenizerFile.open(
        SharedData.require("tokenizers/gpt2/tokenizer.json"))) {
      int[] ids = gpt2.encode(document);
      assertTrue(ids.length > 10_000, "tokens: " + ids.length);
      assertArrayEquals(reference, ids);
      assertEquals(document, gpt2.decode(ids));
    }
  }

  @Test
  void aSentencePieceModelEncodesAHundredThousandCharactersWhole() throws IOException {
    String document = document(LENGTH, 2);
    try (SentencePieceTokenizer mistral = SentencePieceTokenizer.open(
        SharedData.require("tokenizers/mistral/tokenizer.model.v1"))) {
      int[] ids = mistral.encode(document);
      assertTrue(ids.length > 10_000, "tokens: " + ids.length);
      assertEquals(document, mistral.decode(ids), "every character comes back, so none was cut off");
      // Encoding is the same whether the document is the first half or the whole: a cut at a fixed length would
      // make the whole's prefix differ from the half's.
      String half = document.substring(0, document.indexOf(' ', LENGTH / 2));
      int[] halfIds = mistral.encode(half);
      assertArrayEquals(halfIds, Arrays.copyOf(ids, halfIds.length));
    }
  }

  @Test
  void tiktokenEncodingsEncodeAHundredThousandCharactersAsJtokkitDoes() {
    String document = document(LENGTH, 3);
    for (EncodingType type : new EncodingType[] {EncodingType.CL100K_BASE, EncodingType.O200K_BASE,
        EncodingType.R50K_BASE}) {
      int[] reference = Encodings.newDefaultEncodingRegistry().getEncoding(type).encodeOrdinary(document).toArray();
      int[] ids = TiktokenTokenizer.builtIn(type.getName()).encode(document);
      assertTrue(ids.length > 10_000, type + " tokens: " + ids.length);
      assertArrayEquals(reference, ids, type.getName());
    }
  }

  @Test
  void llama3CutsRunsOfMoreThan25000SpacesAsMetasEncodeDoes() throws IOException {
    Path ranks = SharedData.require("tokenizers/tiktoken-bpe/cl100k_base.tiktoken");
    TiktokenTokenizer plain = TiktokenTokenizer.builtIn("cl100k_base");
    TiktokenTokenizer llama3Style;
    try (InputStream in = Files.newInputStream(ranks)) {
      // Llama 3's own rank file is not in the shared data; cl100k's has the same pattern, so Meta's cuts show.
      llama3Style = TiktokenTokenizer.llama3("cl100k-as-llama3", in);
    }
    String text = "Tide" + " ".repeat(26_000) + "tables";
    // Meta: "Tide" is a run of 4; spaces start a new run, and the 25,001st space starts a new piece.
    String first = "Tide" + " ".repeat(25_000);
    String second = " ".repeat(1_000) + "tables";
    int[] expected = IntStream.concat(Arrays.stream(plain.encode(first)), Arrays.stream(plain.encode(second)))
        .toArray();
    assertArrayEquals(expected, llama3Style.encode(text));
    assertFalse(Arrays.equals(plain.encode(text), expected), "without the cut the ids differ");
    String ordinary = document(LENGTH, 4);
    assertArrayEquals(plain.encode(ordinary), llama3Style.encode(ordinary), "no run is that long in prose");
  }

  /**
   * A document of {@code length} characters: words of several scripts, numbers, punctuation and line breaks,
   * drawn from a seeded generator so every run encodes the same text.
   */
  static String document(int length, long seed) {
    String[] words = {"harbour", "ferry", "timetable", "Gezeiten", "überfahrt", "marée", "café", "причал",
        "паром", "港口", "渡轮", "ميناء", "1,250", "2024", "e.g.", "(north)", "don't", "—", "x86_64", "résumé"};
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder(length + 32);
    while (out.length() < length) {
      out.append(words[random.nextInt(words.length)]);
      int r = random.nextInt(20);
      out.append(r == 0 ? ".\n\n" : r == 1 ? ", " : r == 2 ? "  " : " ");
    }
    return out.substring(0, length);
  }
}

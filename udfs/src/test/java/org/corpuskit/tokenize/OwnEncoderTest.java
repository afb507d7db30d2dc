package org.corpuskit.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.corpuskit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our encoder gives jtokkit's ids for cl100k_base and o200k_base, jtokkit being checked against tiktoken's own
 * vectors in {@link TiktokenTokenizerTest}.
 */
class OwnEncoderTest {
  private static final Map<String, Encoding> JTOKKIT = Map.of("cl100k_base", jtokkit("cl100k_base"),
      "o200k_base", jtokkit("o200k_base"));
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEZ 0123456789     \n\n\r\t.,;:!?'\"()-/"
      + "\u00e9\u00fc\u00df\u0439\u044f\u4e2d\u6587\u3042\u0627\u05d0\u0915\u0301\u00a0\u2003\u3000\u00bd\u2163"
      + "\u20ac\u2019\u201c\u2014\u00a9\u01c5\u02b0\u0903";

  @ParameterizedTest
  @ValueSource(strings = {"cl100k_base", "o200k_base"})
  void randomTextGivesJtokkitsIds(String encoding) {
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(80);
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(ALPHABET.length() + 1);
        text.append(pick == ALPHABET.length() ? "\ud83e\udd16" : String.valueOf(ALPHABET.charAt(pick)));
      }
      assertSameIds(encoding, text.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cl100k_base", "o200k_base"})
  void longPiecesMergeAsJtokkitMergesThem(String encoding) {
    Random random = new Random(3);
    StringBuilder letters = new StringBuilder();
    StringBuilder punctuation = new StringBuilder();
    StringBuilder chinese = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
      punctuation.append(".,;:!?-_=+*/\\|<>".charAt(random.nextInt(16)));
      chinese.append((char) (0x4e00 + random.nextInt(2_000)));
    }
    for (String text : List.of(letters.toString(), punctuation.toString(), chinese.toString(), "a".repeat(20_000),
        " ".repeat(3_000) + "x", "\n".repeat(1_000), "ab".repeat(129), "abc".repeat(43))) {
      assertSameIds(encoding, text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cl100k_base", "o200k_base"})
  void anUnpairedSurrogateIsEncodedAsTheReplacementCharacterAsTiktokenDoes(String encoding) {
    assertArrayEquals(jtokkit(encoding).encodeOrdinary("a\ufffdb \ufffd c\ufffd").toArray(),
        TiktokenTokenizer.builtIn(encoding).encode("a\ud800b \udc00 c\ud83d"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cl100k_base", "o200k_base"})
  void realPagesGiveJtokkitsIds(String encoding) throws IOException {
    Path pages = SharedData.require("extraction/article-extraction-benchmark/ground-truth.json");
    String json = Files.readString(pages);
    Map<?, ?> truth = new ObjectMapper().readValue(json, Map.class);
    long checked = truth.values().stream().map(entry -> String.valueOf(((Map<?, ?>) entry).get("articleBody")))
        .peek(text -> assertSameIds(encoding, text)).count();
    assertTrue(checked > 100, checked + " pages");
  }

  @Test
  void aVocabularyWithoutEveryByteIsRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new BytePairRanks(Map.of(new byte[] {'a'}, 0)));
    assertTrue(error.getMessage().contains("no token for the byte 0"), error.getMessage());
  }

  private static Encoding jtokkit(String encoding) {
    return Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.fromName(encoding).orElseThrow());
  }

  private static void assertSameIds(String encoding, String text) {
    assertArrayEquals(JTOKKIT.get(encoding).encodeOrdinary(text).toArray(),
        TiktokenTokenizer.builtIn(encoding).encode(text),
        () -> text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }
}

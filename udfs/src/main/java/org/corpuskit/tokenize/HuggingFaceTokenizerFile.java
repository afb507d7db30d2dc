package org.corpuskit.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A Hugging Face {@code tokenizer.json}, encoded by the Rust tokenizers library through DJL (its native library
 * ships inside DJL's jar). Documents are encoded as ordinary text: the file's special added tokens are taken out
 * of the tokenizer that encodes them, so a page spelling {@code <|endoftext|>} gets the ids of those characters,
 * not the end-of-text id (what transformers calls {@code split_special_tokens}). No special tokens are added.
 *
 * <p>The end- and beginning-of-document tokens are {@code eos_token} and {@code bos_token} of the
 * {@code tokenizer_config.json} beside the file when there is one; otherwise the special added token spelled as
 * one of the usual ones ({@code </s>}, {@code <|endoftext|>}, {@code <|end_of_text|>}, {@code <eos>}; {@code <s>},
 * {@code <|begin_of_text|>}, {@code <bos>}), when exactly one is; otherwise none, and the caller must be told.
 *
 * <p>Thread-safe for encoding and decoding, as the Rust library is; close it to free the native tokenizers.
 */
public final class HuggingFaceTokenizerFile implements Tokenizer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> EOS_SPELLINGS = List.of("</s>", "<|endoftext|>", "<|end_of_text|>", "<eos>");
  private static final List<String> BOS_SPELLINGS = List.of("<s>", "<|begin_of_text|>", "<bos>");

  private final String name;
  private final HuggingFaceTokenizer ordinary;
  private final OptionalInt eos;
  private final OptionalInt bos;

  private HuggingFaceTokenizerFile(String name, HuggingFaceTokenizer ordinary, OptionalInt eos, OptionalInt bos) {
    this.name = name;
    this.ordinary = ordinary;
    this.eos = eos;
    this.bos = bos;
  }

  /** Opens {@code tokenizerJson}; a file that does not parse is an error naming it. */
  public static HuggingFaceTokenizerFile open(Path tokenizerJson) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(tokenizerJson.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(tokenizerJson + ": not a tokenizer.json: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.has("model")) {
      throw new IllegalArgumentException(tokenizerJson + ": not a tokenizer.json (no \"model\")");
    }
    Map<String, Integer> specials = new java.util.LinkedHashMap<>();
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode added : root.path("added_tokens")) {
      if (added.path("special").asBoolean()) {
        specials.put(added.path("content").asText(), added.path("id").asInt());
      } else {
        kept.add(added);
      }
    }
    ObjectNode withoutSpecials = ((ObjectNode) root).deepCopy();
    withoutSpecials.set("added_tokens", kept);
    HuggingFaceTokenizer ordinary;
    try {
      ordinary = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(JSON.writeValueAsBytes(withoutSpecials)),
          // DJL truncates to the model's maximum length (512 unless given) and pads unless told not to: a
          // document is encoded whole, however long.
          Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(tokenizerJson + ": the tokenizers library refuses it: " + e.getMessage(), e);
    }
    JsonNode config = readConfig(tokenizerJson.resolveSibling("tokenizer_config.json"));
    return new HuggingFaceTokenizerFile(tokenizerJson.toString(), ordinary,
        special(tokenizerJson, specials, config, "eos_token", EOS_SPELLINGS),
        special(tokenizerJson, specials, config, "bos_token", BOS_SPELLINGS));
  }

  private static JsonNode readConfig(Path config) throws IOException {
    return Files.exists(config) ? JSON.readTree(config.toFile()) : null;
  }

  private static OptionalInt special(Path file, Map<String, Integer> specials, JsonNode config, String key,
      List<String> usual) {
    if (config != null && config.hasNonNull(key)) {
      JsonNode token = config.get(key);
      String spelling = token.isObject() ? token.path("content").asText() : token.asText();
      Integer id = specials.get(spelling);
      if (id == null) {
        throw new IllegalArgumentException(file + ": tokenizer_config.json's " + key + " " + spelling
            + " is not one of its special tokens");
      }
      return OptionalInt.of(id);
    }
    List<Integer> found = new ArrayList<>();
    usual.forEach(spelling -> {
      if (specials.containsKey(spelling)) {
        found.add(specials.get(spelling));
      }
    });
    return found.size() == 1 ? OptionalInt.of(found.get(0)) : OptionalInt.empty();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int[] encode(String text) {
    long[] ids = ordinary.encode(text, false, false).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = (int) ids[i];
    }
    return out;
  }

  @Override
  public String decode(int[] ids) {
    long[] wide = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      wide[i] = ids[i];
    }
    return ordinary.decode(wide, false);
  }

  @Override
  public OptionalInt eos() {
    return eos;
  }

  @Override
  public OptionalInt bos() {
    return bos;
  }

  @Override
  public void close() {
    ordinary.close();
  }
}

package org.corpuskit.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpuskit.sample.SyntheticText;

/**
 * Benchmark files of our own in every layout the presets read: copies of each layout's example file (the
 * presets' test examples) with every word of three letters or more replaced by three generated words, so that
 * each copy is a new item in the same layout. Kept as they are: field names, a CSV header, the labels and gold
 * values (one or two characters, or digits), and the prompt words followed by a colon ({@code Question:}).
 */
final class LayoutFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}+(?!:)");

  private LayoutFiles() {}

  /** One folder of copies of one example: the benchmark a --benchmark argument names. */
  record Written(String name, Path folder, String preset) {
    String argument() {
      return name + "=" + folder + ":" + preset;
    }
  }

  /** Writes {@code copies} copies of each example of {@code examples} (JSON lines) under {@code out}. */
  static List<Written> write(Path examples, Path out, int copies, long seed) throws IOException {
    SyntheticText words = new SyntheticText(seed);
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Integer> perPreset = new LinkedHashMap<>();
    List<Written> written = new ArrayList<>();
    for (String line : Files.readAllLines(examples)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode example = JSON.readTree(line);
      String preset = example.get("preset").asText();
      String file = example.get("file").asText();
      String name = preset + "-" + perPreset.merge(preset, 1, Integer::sum);
      Path folder = Files.createDirectories(out.resolve(name));
      int dot = file.indexOf('.');
      for (int i = 0; i < copies; i++) {
        String content = copy(file, example.get("content").asText(), words, random);
        Files.writeString(folder.resolve(file.substring(0, dot) + "-" + i + file.substring(dot)), content,
            StandardCharsets.UTF_8);
      }
      written.add(new Written(name, folder, preset));
    }
    return written;
  }

  private static String copy(String file, String content, SyntheticText words, SplittableRandom random)
      throws IOException {
    if (file.endsWith(".json") || file.endsWith(".jsonl")) {
      List<String> out = new ArrayList<>();
      Iterator<JsonNode> records = JSON.readerFor(JsonNode.class).readValues(content);
      while (records.hasNext()) {
        out.add(JSON.writeValueAsString(leaves(records.next(), words, random)));
      }
      return String.join("\n", out) + "\n";
    }
    List<String> lines = List.of(content.split("\n", -1));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      boolean header = file.endsWith(".csv") && i == 0 && lines.size() > 1;
      out.add(header ? lines.get(i) : replace(lines.get(i), words, random));
    }
    return String.join("\n", out);
  }

  private static JsonNode leaves(JsonNode node, SyntheticText words, SplittableRandom random) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), leaves(e.getValue(), words, random)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(leaves(element, words, random)));
      return copy;
    }
    return node.isTextual() ? new TextNode(replace(node.asText(), words, random)) : node;
  }

  private static String replace(String text, SyntheticText words, SplittableRandom random) {
    if (text.length() <= 2 || text.matches("\\d+")) {
      return text;
    }
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(words.word(random) + " " + words.word(random) + " "
          + words.word(random)));
    }
    return m.appendTail(out).toString();
  }
}

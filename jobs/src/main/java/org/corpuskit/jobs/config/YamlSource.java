package org.corpuskit.jobs.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of configuration (a YAML file, or one {@code --set}) as a tree, remembering where each key was set
 * so that errors can name the file and line. Not thread-safe.
 */
final class YamlSource {
  /**
   * YAML 1.1 reads {@code off}, {@code on}, {@code yes} and {@code no} as booleans, so {@code mode: off} would be
   * {@code false}; here they stay words, and a true-or-false key takes them as such (see ConfigLoader).
   */
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build();

  private final String name;
  private final ObjectNode tree;
  private final Map<String, String> where = new HashMap<>();

  private YamlSource(String name, ObjectNode tree) {
    this.name = name;
    this.tree = tree;
  }

  /** Parses {@code text}; {@code name} is how errors refer to it, such as the file's path. */
  static YamlSource parse(String name, String text) {
    YamlSource source = new YamlSource(name, JsonNodeFactory.instance.objectNode());
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return source;
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ConfigException(name + " line " + parser.currentLocation().getLineNr()
            + ": the configuration must be a mapping of sections (extract:, input:, ...)");
      }
      source.readObject(parser, source.tree, "");
      if (parser.nextToken() != null) {
        throw new ConfigException(name + ": holds more than one YAML document; put everything in one");
      }
    } catch (IOException e) {
      throw new ConfigException(name + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return source;
  }

  /** A {@code --set a.b=value} override; the value is read as YAML, so lists and numbers keep their type. */
  static YamlSource override(String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set " + assignment + ": expected section.key=value");
    }
    String path = assignment.substring(0, eq).strip();
    String value = assignment.substring(eq + 1);
    // A secret's value is remembered before anything can quote it, and errors name its key alone.
    boolean secret = Secrets.isSecretKey(path);
    if (secret) {
      Secrets.remember(value.strip().replaceAll("^[\"']|[\"']$", ""));
    }
    // A long value (a list of benchmarks) is left out of messages, which then name what in it is wrong.
    String shown = secret ? path + "=" + Secrets.MASK : assignment.length() > 80 ? path + "=…" : assignment;
    if (!path.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
      throw new ConfigException("--set " + shown + ": '" + path + "' is not a key path like extract.max_depth");
    }
    String name = "--set " + shown;
    YamlSource parsed = parse(name, "v: " + (value.isEmpty() ? "''" : value));
    YamlSource source = new YamlSource(name, JsonNodeFactory.instance.objectNode());
    ObjectNode node = source.tree;
    List<String> parts = keys(path);
    for (int i = 0; i < parts.size() - 1; i++) {
      node = node.putObject(parts.get(i));
    }
    node.set(parts.get(parts.size() - 1), parsed.tree.get("v"));
    source.markAll(source.tree, "");
    return source;
  }

  /**
   * The keys of a dotted path, read along the configuration's records: under a mapping of text (such as
   * {@code spark.conf} or {@code filter.rules}) the rest of the path is one key, dots and all, so that
   * {@code spark.conf.spark.sql.shuffle.partitions} sets the property {@code spark.sql.shuffle.partitions}.
   */
  static List<String> keys(String path) {
    String[] parts = path.split("\\.");
    List<String> keys = new ArrayList<>();
    Class<?> type = PipelineConfig.class;
    for (int i = 0; i < parts.length; i++) {
      keys.add(parts[i]);
      if (type == null) {
        continue;
      }
      String part = parts[i];
      ConfigKeys.Key key = ConfigKeys.of(type).stream().filter(k -> k.name().equals(part)).findFirst().orElse(null);
      if (key == null) {
        type = null;
      } else if (key.isSection()) {
        type = key.component().getType();
      } else if (key.isMapOfSections()) {
        if (i + 1 < parts.length) {
          keys.add(parts[++i]);
        }
        type = (Class<?>) key.valueType();
      } else if (key.component().getType() == Map.class && i + 1 < parts.length) {
        keys.add(String.join(".", Arrays.copyOfRange(parts, i + 1, parts.length)));
        break;
      } else {
        type = null;
      }
    }
    return keys;
  }

  String name() {
    return name;
  }

  ObjectNode tree() {
    return tree;
  }

  /** Where the key at a dotted path was set, such as {@code my.yaml line 4}, or null if not in this source. */
  String where(String path) {
    return where.get(path);
  }

  private void readObject(JsonParser parser, ObjectNode node, String prefix) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      int line = parser.currentLocation().getLineNr();
      if (node.has(key)) {
        throw new ConfigException(name + " line " + line + ": " + path + " is set twice");
      }
      where.put(path, name + " line " + line);
      node.set(key, readValue(parser, parser.nextToken(), path));
    }
  }

  private JsonNode readValue(JsonParser parser, JsonToken token, String path) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        readObject(parser, object, path);
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(readValue(parser, t, path));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return nodes.numberNode(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      default -> {
        return nodes.nullNode();
      }
    }
  }

  private void markAll(JsonNode node, String prefix) {
    node.properties().forEach(e -> {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      where.put(path, name);
      if (e.getValue().isObject()) {
        markAll(e.getValue(), path);
      }
    });
  }
}

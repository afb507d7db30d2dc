package org.corpuskit.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corpuskit.jobs.config.ConfigKeys.Key;

/**
 * Configuration records as JSON trees with snake_case keys: for the defaults the loader starts from, for
 * run.json, and for the hash that tells a stage whether its settings changed. Thread-safe.
 */
public final class ConfigTree {
  private ConfigTree() {}

  /** A configuration record (or any value a record holds) as a tree. */
  public static ObjectNode of(Record config) {
    return (ObjectNode) node(config);
  }

  /**
   * A configuration as it may be shown or written: {@link #of}, with secrets masked ({@link Secrets}). Every
   * file and message that shows a configuration uses this.
   */
  public static ObjectNode shown(Record config) {
    return (ObjectNode) Secrets.redacted(of(config));
  }

  /**
   * SHA-256 of the JSON of {@code values}, in hex: equal settings, equal hash. Record keys come in declaration
   * order and map keys sorted, so the JSON of equal values is the same text.
   */
  public static String hash(Object... values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Object value : values) {
      array.add(node(value));
    }
    try {
      byte[] json = array.toString().getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static JsonNode node(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Record record) {
      ObjectNode object = nodes.objectNode();
      for (Key key : ConfigKeys.of(record.getClass())) {
        object.set(key.name(), node(read(record, key)));
      }
      return object;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = nodes.objectNode();
      new TreeMap<>(map).forEach((k, v) -> object.set(String.valueOf(k), node(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = nodes.arrayNode();
      list.forEach(item -> array.add(node(item)));
      return array;
    }
    if (value instanceof String s) {
      return nodes.textNode(s);
    }
    if (value instanceof Integer i) {
      return nodes.numberNode(i);
    }
    if (value instanceof Long l) {
      return nodes.numberNode(l);
    }
    if (value instanceof Double d) {
      return nodes.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return nodes.booleanNode(b);
    }
    throw new IllegalArgumentException("not a configuration value: " + value);
  }

  private static Object read(Record record, Key key) {
    try {
      return key.component().getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + key.name(), e);
    }
  }
}

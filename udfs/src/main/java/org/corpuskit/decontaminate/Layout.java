package org.corpuskit.decontaminate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fields of a benchmark record form the test text, and where the records are.
 *
 * <p>A field is a dotted path ({@code question.stem}); at an array, the path continues into every element, so
 * {@code question.choices.text} is the text of every choice. A path that ends at an object takes every text value
 * under it. Numbers and booleans count as text ({@code 42}). In a CSV file a field is a column: a header name, or
 * a position from 0 for files without a header row. With no fields, every text value of the record is taken, in
 * order. {@code records}, for a file holding one JSON document, is the dotted path to its records, such as
 * {@code data.paragraphs} for SQuAD; empty when the file is the records (JSON lines, or a JSON array).
 *
 * @param fields the fields, in the order their text is joined
 * @param records the path to the records in a whole-file JSON document, or empty
 */
public record Layout(List<String> fields, String records) {
  public Layout {
    fields = List.copyOf(fields);
    if (records == null) {
      throw new IllegalArgumentException("records must not be null");
    }
    for (String field : fields) {
      if (field.isEmpty() || field.startsWith(".") || field.endsWith(".") || field.contains("..")) {
        throw new IllegalArgumentException("a field is a dotted path such as question.stem, got '" + field + "'");
      }
    }
  }

  /** A layout of these fields, records at the top. */
  public static Layout of(String... fields) {
    return new Layout(List.of(fields), "");
  }

  /** Whether every field names a column position, so that a CSV file has no header row. */
  boolean positional() {
    return !fields.isEmpty() && fields.stream().allMatch(f -> f.matches("\\d+"));
  }

  /** The fields {@code record} lacks (has no value for); empty when it fits. */
  List<String> missing(JsonNode record) {
    List<String> missing = new ArrayList<>();
    for (String field : fields) {
      List<String> values = new ArrayList<>();
      collect(record, field.split("\\."), 0, values);
      if (values.isEmpty()) {
        missing.add(field);
      }
    }
    return missing;
  }

  /** The test text of {@code record}: its fields' values joined by line breaks. */
  String text(JsonNode record) {
    List<String> values = new ArrayList<>();
    if (fields.isEmpty()) {
      collect(record, new String[0], 0, values);
    }
    for (String field : fields) {
      collect(record, field.split("\\."), 0, values);
    }
    return String.join("\n", values);
  }

  /** The records of a whole-file JSON document at {@link #records}. */
  List<JsonNode> recordsOf(JsonNode document) {
    List<JsonNode> out = new ArrayList<>();
    nodes(document, records.isEmpty() ? new String[0] : records.split("\\."), 0, out);
    List<JsonNode> flat = new ArrayList<>();
    for (JsonNode node : out) {
      if (node.isArray()) {
        node.forEach(flat::add);
      } else {
        flat.add(node);
      }
    }
    return flat;
  }

  private static void nodes(JsonNode node, String[] path, int at, List<JsonNode> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (at == path.length) {
      out.add(node);
    } else if (node.isArray()) {
      node.forEach(element -> nodes(element, path, at, out));
    } else if (node.isObject()) {
      nodes(node.get(path[at]), path, at + 1, out);
    }
  }

  private static void collect(JsonNode node, String[] path, int at, List<String> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isArray()) {
      node.forEach(element -> collect(element, path, at, out));
    } else if (at < path.length) {
      if (node.isObject()) {
        collect(node.get(path[at]), path, at + 1, out);
      }
    } else if (node.isObject()) {
      node.properties().forEach(entry -> collect(entry.getValue(), path, at, out));
    } else if (node.isValueNode() && !node.asText().isBlank()) {
      out.add(node.asText());
    }
  }
}

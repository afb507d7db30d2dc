package org.corpuskit.decontaminate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How a preset rearranges a record before its fields are read, for layouts that have no field names. */
public enum Shape {
  /** The record as it is. */
  AS_IS(1),
  /** MMLU's original header-less CSVs: the question, four choices and the answer's letter, as columns 0 to 5. */
  MMLU_COLUMNS(1),
  /**
   * llama.cpp's HellaSwag text file: six lines a task, the context, the index of the right ending from 0 and the
   * four endings.
   */
  HELLASWAG_LINES(6);

  private final int lines;

  Shape(int lines) {
    this.lines = lines;
  }

  /** How many lines of a plain-text file make one record; 1 for a layout of records. */
  public int lines() {
    return lines;
  }

  /** {@code record} rearranged: named fields for the positional ones ({@code "0"}, {@code "1"}...). */
  JsonNode apply(JsonNode record) {
    if (this == AS_IS || !record.isObject()) {
      return record;
    }
    ObjectNode named = record.deepCopy();
    ArrayNode choices = named.putArray(this == MMLU_COLUMNS ? "choices" : "endings");
    for (int i = 1; i <= 4; i++) {
      choices.add(record.path(String.valueOf(this == MMLU_COLUMNS ? i : i + 1)).asText());
    }
    if (this == MMLU_COLUMNS) {
      named.set("question", record.get("0"));
      named.set("answer", record.get("5"));
    } else {
      named.set("ctx", record.get("0"));
      named.set("label", record.get("1"));
    }
    return named;
  }
}

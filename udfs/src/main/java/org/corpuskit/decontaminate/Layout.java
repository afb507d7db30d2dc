package org.corpuskit.decontaminate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which fields of a benchmark record form a test item, and where the records are.
 *
 * <p>A field is a dotted path ({@code question.stem}); at an array the path goes into every element, so
 * {@code question.choices.text} is the text of every choice, unless the segment picks elements:
 *
 * <ul>
 *   <li>{@code answer.0} or {@code choices[2]}: the element at that position, from 0;
 *   <li>{@code choices[gold]}: the element that the record's field {@code gold} names: a number from 0 ({@code
 *       [gold-1]} for numbers from 1), a label listed beside the array ({@code choices.label}, or a {@code label}
 *       in each element) or a letter ({@code A} is the first). Where there is no array but numbered fields,
 *       {@code option[answer-1]} is {@code option1} or {@code option2}, and {@code answer[label]} is
 *       {@code answerA}, {@code answerB}...; a text that is a list literal ({@code ['a', 'b']}) is a list;
 *   <li>{@code aliases[each]}: each element is a variant of the item (one field of a layout at most).
 * </ul>
 *
 * A gold choice fills the blank {@code _} of the text before it when that text has one (Winogrande's sentences).
 * A path that ends at an object takes every text value under it; numbers and booleans count as text. In a CSV
 * file a field is a column: a header name, or a position from 0 for files without a header row. With no
 * fields, every text value of the record is taken, in order.
 *
 * @param fields the fields, in the order their text is joined
 * @param records the path to the records in a whole-file JSON document ({@code data.paragraphs} for SQuAD), or
 *     empty when the file is the records (JSON lines, or a JSON array)
 * @param prompts whether the fields are prompts of an in-context-learning layout, whose scaffolding is stripped
 *     (see {@link Scaffolding}); a gold choice that is only a letter is then the text of that lettered line
 * @param shape how a record is rearranged before its fields are read
 */
public record Layout(List<String> fields, String records, boolean prompts, Shape shape) {
  private static final Pattern SEGMENT = Pattern.compile("([^\\[\\]]*)(?:\\[([^\\[\\]]+)])?");
  /** A bracket's content; an opening bracket ends the search too, so that "[[[[" is scanned once, not squared. */
  private static final Pattern BRACKETS = Pattern.compile("\\[([^\\[\\]]+)]");
  private static final Pattern SELECTOR = Pattern.compile("\\d+|each|[^.\\s]+(\\.[^.\\s]+)*?(-1)?");

  public Layout {
    fields = List.copyOf(fields);
    if (records == null || shape == null) {
      throw new IllegalArgumentException("records and shape must not be null");
    }
    int each = 0;
    for (String field : fields) {
      for (String segment : segments(field)) {
        Matcher m = SEGMENT.matcher(segment);
        if (segment.isEmpty() || !m.matches() || m.group(1).isEmpty()
            || m.group(2) != null && !SELECTOR.matcher(m.group(2)).matches()) {
          throw new IllegalArgumentException("a field is a dotted path such as question.stem, answer.0, "
              + "choices[gold] or aliases[each], got '" + field + "'");
        }
        each += "each".equals(m.group(2)) ? 1 : 0;
      }
    }
    if (each > 1) {
      throw new IllegalArgumentException("one field at most takes [each], got " + fields);
    }
  }

  /** A layout of these fields, records at the top, read as they are. */
  public static Layout of(String... fields) {
    return new Layout(List.of(fields), "", false, Shape.AS_IS);
  }

  /** A layout of prompt fields, whose scaffolding is stripped. */
  static Layout prompts(String... fields) {
    return new Layout(List.of(fields), "", true, Shape.AS_IS);
  }

  /** Whether every field names a column position, so that a CSV file has no header row. */
  boolean positional() {
    return shape == Shape.MMLU_COLUMNS || !fields.isEmpty() && fields.stream().allMatch(f -> f.matches("\\d+"));
  }

  /** The columns a header-less CSV row must have. */
  int columns() {
    return shape == Shape.MMLU_COLUMNS ? 6 : fields.stream().mapToInt(Integer::parseInt).max().orElse(0) + 1;
  }

  /** The top-level names of the fields, which a CSV header must have. */
  List<String> columnNames() {
    return fields.stream().map(f -> SEGMENT.matcher(segments(f).get(0))).filter(Matcher::matches)
        .map(m -> m.group(1)).toList();
  }

  /** The fields {@code record} lacks (has no value for); empty when it fits. */
  List<String> missing(JsonNode record) {
    JsonNode shaped = shape.apply(record);
    List<String> missing = new ArrayList<>();
    for (String field : fields) {
      if (values(shaped, field).isEmpty()) {
        missing.add(field);
      }
    }
    return missing;
  }

  /**
   * The test texts of {@code record}: its fields' values joined by line breaks, one text per variant of the
   * {@code [each]} field (one text without it).
   */
  List<String> texts(JsonNode record) {
    JsonNode shaped = shape.apply(record);
    if (fields.isEmpty()) {
      List<String> values = new ArrayList<>();
      collect(shaped, List.of(), 0, shaped, values);
      return List.of(String.join("\n", values));
    }
    List<String> parts = new ArrayList<>();
    List<String> variants = List.of();
    int variantAt = -1;
    for (String field : fields) {
      List<String> values = values(shaped, field);
      if (field.contains("[each]")) {
        variantAt = parts.size();
        variants = values;
        parts.add("");
      } else if (isGold(field) && !parts.isEmpty()) {
        String before = parts.get(parts.size() - 1);
        String gold = String.join("\n", values);
        String lettered = prompts ? Scaffolding.letteredChoice(before, gold) : null;
        if (lettered != null) {
          parts.add(lettered);
        } else if (before.matches("(?s).*(^|\\s)_(\\s|[.,;!?]|$).*")) {
          parts.set(parts.size() - 1, before.replaceFirst("(^|\\s)_(?=\\s|[.,;!?]|$)", "$1" + Matcher
              .quoteReplacement(gold)));
        } else {
          parts.add(gold);
        }
      } else {
        parts.add(String.join("\n", values));
      }
    }
    if (prompts) {
      parts.replaceAll(Scaffolding::strip);
    }
    if (variantAt < 0) {
      return List.of(join(parts));
    }
    List<String> texts = new ArrayList<>();
    for (String variant : variants) {
      parts.set(variantAt, variant);
      texts.add(join(parts));
    }
    return texts;
  }

  private static String join(List<String> parts) {
    return String.join("\n", parts.stream().filter(p -> !p.isEmpty()).toList());
  }

  private static boolean isGold(String field) {
    Matcher m = BRACKETS.matcher(field);
    return m.find() && !m.group(1).matches("\\d+|each");
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

  /** The text values of {@code field} in {@code record}, in order. */
  private static List<String> values(JsonNode record, String field) {
    List<String> out = new ArrayList<>();
    collect(record, segments(field), 0, record, out);
    return out;
  }

  /** A field's segments: split at dots outside brackets. */
  private static List<String> segments(String field) {
    List<String> segments = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (c == '.' && depth == 0) {
        segments.add(field.substring(start, i));
        start = i + 1;
      }
    }
    segments.add(field.substring(start));
    return segments;
  }

  private static void collect(JsonNode node, List<String> path, int at, JsonNode record, List<String> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (at == path.size()) {
      all(node, out);
      return;
    }
    if (node.isArray()) {
      if (path.get(at).matches("\\d+")) {
        collect(node.get(Integer.parseInt(path.get(at))), path, at + 1, record, out);
      } else {
        node.forEach(element -> collect(element, path, at, record, out));
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Matcher m = SEGMENT.matcher(path.get(at));
    if (!m.matches()) {
      return;
    }
    String name = m.group(1);
    String selector = m.group(2);
    JsonNode child = node.get(name);
    if (selector == null) {
      collect(child, path, at + 1, record, out);
      return;
    }
    JsonNode parsed = child != null && child.isTextual() ? ListLiteral.parse(child.asText()) : null;
    JsonNode list = parsed != null ? parsed : child;
    if (selector.matches("\\d+")) {
      collect(list == null || !list.isArray() ? null : list.get(Integer.parseInt(selector)), path, at + 1, record,
          out);
    } else if (selector.equals("each")) {
      if (list != null && list.isArray()) {
        list.forEach(element -> collect(element, path, at + 1, record, out));
      } else {
        collect(list, path, at + 1, record, out);
      }
    } else {
      collect(gold(node, name, list, selector, record), path, at + 1, record, out);
    }
  }

  private static void all(JsonNode node, List<String> out) {
    if (node.isArray()) {
      node.forEach(element -> all(element, out));
    } else if (node.isObject()) {
      node.properties().forEach(entry -> all(entry.getValue(), out));
    } else if (node.isValueNode() && !node.isNull() && !node.asText().isBlank()) {
      out.add(node.asText());
    }
  }

  /**
   * The element of {@code list} (the value of {@code name} in {@code holder}) that the record's field named by
   * {@code selector} picks; without a list, the numbered field beside it ({@code option1}, {@code answerA}).
   */
  private static JsonNode gold(JsonNode holder, String name, JsonNode list, String selector, JsonNode record) {
    boolean fromOne = selector.endsWith("-1");
    List<String> values = new ArrayList<>();
    collect(record, segments(fromOne ? selector.substring(0, selector.length() - 2) : selector), 0, record, values);
    if (values.size() != 1) {
      return null;
    }
    String value = values.get(0).strip();
    int offset = fromOne ? 1 : 0;
    if (list == null || !list.isArray()) {
      int index = index(value, offset, null);
      if (index < 0) {
        return null;
      }
      JsonNode numbered = holder.get(name + (index + 1));
      return numbered != null ? numbered : holder.get(name + (char) ('A' + index));
    }
    for (String key : List.of("label", "labels")) {
      JsonNode labels = holder.get(key);
      if (labels != null && labels.isArray() && labels != list) {
        int index = indexOf(labels, value);
        if (index >= 0) {
          return list.get(index);
        }
      }
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode label = list.get(i).get("label");
      if (label != null && label.asText().strip().equals(value)) {
        return list.get(i);
      }
    }
    int index = index(value, offset, list);
    return index < 0 ? null : list.get(index);
  }

  private static int index(String value, int offset, JsonNode list) {
    int index = -1;
    if (value.matches("-?\\d+")) {
      index = Integer.parseInt(value) - offset;
    } else if (value.matches("[A-Za-z]")) {
      index = value.toUpperCase(Locale.ROOT).charAt(0) - 'A';
    }
    return index < 0 || list != null && index >= list.size() ? -1 : index;
  }

  private static int indexOf(JsonNode labels, String value) {
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).asText().strip().equals(value)) {
        return i;
      }
    }
    return -1;
  }
}

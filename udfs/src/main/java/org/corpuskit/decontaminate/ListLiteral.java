package org.corpuskit.decontaminate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A list written as text in a CSV cell or a text field, as MMLU-Redux writes its choices: a Python list of
 * quoted texts ({@code ['It is', "Mars's"]}) or a JSON array of texts. Stateless.
 */
final class ListLiteral {
  private ListLiteral() {}

  /** The list's texts as an array, or null when {@code text} is not such a list. */
  static JsonNode parse(String text) {
    String s = text.strip();
    if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
      return null;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    int i = skipSpace(s, 1);
    if (s.charAt(i) == ']') {
      return out;
    }
    while (true) {
      char quote = s.charAt(i);
      if (quote != '\'' && quote != '"') {
        return null;
      }
      StringBuilder value = new StringBuilder();
      i++;
      while (i < s.length() && s.charAt(i) != quote) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length()) {
          char next = s.charAt(++i);
          value.append(switch (next) {
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> next;
          });
        } else {
          value.append(c);
        }
        i++;
      }
      if (i >= s.length()) {
        return null;
      }
      out.add(value.toString());
      i = skipSpace(s, i + 1);
      if (s.charAt(i) == ']') {
        return i == s.length() - 1 ? out : null;
      }
      if (s.charAt(i) != ',') {
        return null;
      }
      i = skipSpace(s, i + 1);
    }
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() - 1 && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}

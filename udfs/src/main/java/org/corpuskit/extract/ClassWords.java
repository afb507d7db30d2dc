package org.corpuskit.extract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A pattern over class and id values that remembers its answers. Those values repeat within a page and across
 * the pages of a site, and matching long alternations of words against every element was most of the
 * extractor's time. The memory is bounded: when it holds {@link #MAX_REMEMBERED} values it starts afresh, so
 * that a long task keeps remembering the sites it is on rather than the first ones it met. Thread-safe.
 */
final class ClassWords {
  private static final int MAX_REMEMBERED = 50_000;

  private final Pattern pattern;
  private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

  ClassWords(String regex) {
    this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }

  String regex() {
    return pattern.pattern();
  }

  boolean find(String value) {
    if (value.isEmpty()) {
      return false;
    }
    Boolean answer = answers.get(value);
    if (answer == null) {
      answer = pattern.matcher(value).find();
      if (answers.size() >= MAX_REMEMBERED) {
        answers.clear();
      }
      answers.put(value, answer);
    }
    return answer;
  }
}

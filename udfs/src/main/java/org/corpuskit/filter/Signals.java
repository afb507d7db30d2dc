package org.corpuskit.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The signal values of one document, by name, as taggers set them. Not thread-safe; one per document. */
public final class Signals {
  private final Map<String, Object> values = new LinkedHashMap<>();

  public Signals set(String name, Object value) {
    values.put(name, value);
    return this;
  }

  /** The value of a signal, or null when no tagger set it. */
  public Object get(String name) {
    return values.get(name);
  }

  public double number(String name) {
    Object value = values.get(name);
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("signal " + name + " is not a number here: " + value);
    }
    return n.doubleValue();
  }

  /** Every signal set, in the order set; null values are signals that do not apply. */
  public Map<String, Object> asMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}

package org.corpuskit.filter;

/**
 * A named, typed value a tagger computes for a document; the filter stage adds it to the document's
 * {@code signals} column, where rules read it.
 *
 * @param name the field name in {@code signals}
 * @param type its type
 * @param description what it measures, written into the schema
 */
public record Signal(String name, Type type, String description) {
  /**
   * The types a signal may have; each maps to one Spark type. {@code SPANS} is a list of {@link TextSpan}s of the
   * text kept.
   */
  public enum Type { INT, DOUBLE, BOOLEAN, STRING, SPANS }

  /** A typed stretch of the text kept: its kind and its char offsets, end exclusive. */
  public record TextSpan(String type, int start, int end) {}

  public Signal {
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("a signal name is lower_snake_case, got " + name);
    }
    if (type == null || description == null || description.isBlank()) {
      throw new IllegalArgumentException("signal " + name + " needs a type and a description");
    }
  }

  static Signal ratio(String name, String description) {
    return new Signal(name, Type.DOUBLE, description);
  }

  static Signal count(String name, String description) {
    return new Signal(name, Type.INT, description);
  }
}

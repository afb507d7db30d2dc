package org.corpuskit.jobs.config;

import java.util.Collection;

/**
 * Preconditions for configuration records' constructors. Each message starts with the key's name, so that the
 * loader can point at the line that set it.
 */
public final class Check {
  private Check() {}

  public static int positive(String key, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, got " + value);
    }
    return value;
  }

  public static int notNegative(String key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(key + " must not be negative, got " + value);
    }
    return value;
  }

  public static int atMost(String key, int value, int max) {
    if (value > max) {
      throw new IllegalArgumentException(key + " must be at most " + max + ", got " + value);
    }
    return value;
  }

  public static String notBlank(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
    return value;
  }

  public static String oneOf(String key, String value, Collection<String> allowed) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(key + " must be one of " + allowed + ", got '" + value + "'");
    }
    return value;
  }
}

package org.corpuskit.jobs.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of a command's options that stand for configuration keys. Each option field names its key with
 * {@link Key}; a group whose options do not map one to one overrides {@link #assignments()}.
 */
public interface Shorthands {
  /** The configuration key an option sets: a text, a number or a list of texts. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  @interface Key {
    String value();
  }

  /** The options given, as {@code --set} assignments, in the order of the fields. */
  default List<String> assignments() {
    List<String> sets = new ArrayList<>();
    for (Field field : getClass().getDeclaredFields()) {
      Key key = field.getAnnotation(Key.class);
      if (key == null) {
        continue;
      }
      Object value;
      try {
        field.setAccessible(true);
        value = field.get(this);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      ConfigOptions.assign(sets, key.value(), value);
    }
    return sets;
  }
}

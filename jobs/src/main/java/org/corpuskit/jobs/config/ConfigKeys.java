package org.corpuskit.jobs.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys of a configuration record, read from its components: the YAML name is the component's name in
 * snake_case, the description its {@link Doc}. Thread-safe (no state).
 */
final class ConfigKeys {
  private ConfigKeys() {}

  /** One key: its YAML name, the component behind it and its description. */
  record Key(String name, RecordComponent component, String doc) {
    Type type() {
      return component.getGenericType();
    }

    boolean isSection() {
      return component.getType().isRecord();
    }

    /** A map whose values are records, such as per-language overrides: its keys are free, its values checked. */
    boolean isMapOfSections() {
      return component.getType() == Map.class && valueType() instanceof Class<?> c && c.isRecord();
    }

    Type valueType() {
      return ((ParameterizedType) type()).getActualTypeArguments()[1];
    }
  }

  static List<Key> of(Class<?> recordType) {
    if (!recordType.isRecord()) {
      throw new IllegalArgumentException(recordType + " is not a record");
    }
    List<Key> keys = new ArrayList<>();
    for (RecordComponent component : recordType.getRecordComponents()) {
      Doc doc = component.getAnnotation(Doc.class);
      if (doc == null) {
        throw new IllegalStateException(recordType.getSimpleName() + "." + component.getName() + " has no @Doc");
      }
      keys.add(new Key(snakeCase(component.getName()), component, doc.value()));
    }
    return keys;
  }

  /** Every dotted key path under {@code recordType}, for suggestions. */
  static List<String> allPaths(Class<?> recordType, String prefix) {
    List<String> paths = new ArrayList<>();
    for (Key key : of(recordType)) {
      String path = prefix.isEmpty() ? key.name() : prefix + "." + key.name();
      paths.add(path);
      if (key.isSection()) {
        paths.addAll(allPaths(key.component().getType(), path));
      }
    }
    return paths;
  }

  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

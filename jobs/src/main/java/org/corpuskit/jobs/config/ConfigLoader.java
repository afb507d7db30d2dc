package org.corpuskit.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.corpuskit.jobs.config.ConfigKeys.Key;

/**
 * Builds the effective {@link PipelineConfig}: the built-in defaults, then a YAML file, then {@code --set}
 * overrides, each layer checked for unknown keys before it is applied. A wrong type or a value a record refuses
 * is reported with the key and the file and line (or the {@code --set}) it came from. Thread-safe.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Loads the configuration; {@code file} may be null for defaults only. */
  public static PipelineConfig load(Path file, List<String> overrides) {
    List<YamlSource> layers = new ArrayList<>();
    if (file != null) {
      layers.add(YamlSource.parse(file.toString(), read(file)));
    }
    overrides.forEach(o -> layers.add(YamlSource.override(o)));
    return build(layers);
  }

  /** Parses YAML text as a whole configuration (for tests and notebooks); {@code name} names it in errors. */
  public static PipelineConfig parse(String name, String yaml) {
    return build(List.of(YamlSource.parse(name, yaml)));
  }

  private static PipelineConfig build(List<YamlSource> layers) {
    ObjectNode tree = ConfigTree.of(PipelineConfig.DEFAULTS);
    for (YamlSource layer : layers) {
      Secrets.remember(layer.tree());
      checkKeys(PipelineConfig.class, layer.tree(), "", layer);
      merge(tree, layer.tree());
    }
    return (PipelineConfig) bindRecord(PipelineConfig.class, tree, "", layers);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("--config " + file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException("--config " + file + ": cannot read it: " + e.getMessage());
    }
  }

  private static void checkKeys(Class<?> type, JsonNode node, String prefix, YamlSource layer) {
    List<Key> keys = ConfigKeys.of(type);
    node.properties().forEach(field -> {
      String path = join(prefix, field.getKey());
      Optional<Key> key = keys.stream().filter(k -> k.name().equals(field.getKey())).findFirst();
      if (key.isEmpty()) {
        throw new ConfigException(layer.where(path) + ": unknown key " + path + suggestion(field.getKey(), prefix, type));
      }
      JsonNode value = field.getValue();
      if (key.get().isSection()) {
        if (!value.isObject()) {
          throw new ConfigException(layer.where(path) + ": " + path + " is a section: expected keys under it, got "
              + describe(value));
        }
        checkKeys(key.get().component().getType(), value, path, layer);
      } else if (key.get().isMapOfSections() && value.isObject()) {
        value.properties().forEach(entry -> {
          if (entry.getValue().isObject()) {
            checkKeys((Class<?>) key.get().valueType(), entry.getValue(), join(path, entry.getKey()), layer);
          }
        });
      }
    });
  }

  private static String suggestion(String unknown, String prefix, Class<?> type) {
    List<String> candidates = new ArrayList<>();
    ConfigKeys.of(type).forEach(k -> candidates.add(join(prefix, k.name())));
    candidates.addAll(ConfigKeys.allPaths(PipelineConfig.class, ""));
    // Siblings come first, so that of two equally close keys the one in the same section is suggested.
    return candidates.stream()
        .filter(c -> distance(lastPart(c), unknown) <= Math.max(2, unknown.length() / 3))
        .min(Comparator.comparingInt(c -> distance(lastPart(c), unknown)))
        .map(c -> "; did you mean " + c + "?")
        .orElse("; known keys here: " + String.join(", ", ConfigKeys.of(type).stream().map(Key::name).toList()));
  }

  private static void merge(ObjectNode into, JsonNode layer) {
    layer.properties().forEach(field -> {
      JsonNode existing = into.get(field.getKey());
      if (existing instanceof ObjectNode object && field.getValue().isObject()) {
        merge(object, field.getValue());
      } else {
        into.set(field.getKey(), field.getValue());
      }
    });
  }

  private static Object bindRecord(Class<?> type, JsonNode node, String prefix, List<YamlSource> layers) {
    List<Key> keys = ConfigKeys.of(type);
    Object[] args = new Object[keys.size()];
    Class<?>[] types = new Class<?>[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      Key key = keys.get(i);
      String path = join(prefix, key.name());
      args[i] = bindValue(key.type(), node.get(key.name()), path, layers);
      types[i] = key.component().getType();
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException refused) {
        String message = refused.getMessage();
        String key = message.split(" ", 2)[0].replaceAll("[^a-z0-9_]", "");
        String path = ConfigKeys.of(type).stream().anyMatch(k -> k.name().equals(key)) ? join(prefix, key) : prefix;
        String at = where(layers, path);
        String full = (prefix.isEmpty() ? "" : prefix + ".") + message;
        // A --set already names the key the message begins with: say it once.
        boolean named = at.startsWith("--set " + path + "=") && full.startsWith(path + ": ");
        throw new ConfigException(at + (named ? full.substring(path.length()) : ": " + full));
      }
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  private static Object bindValue(Type type, JsonNode value, String path, List<YamlSource> layers) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (value == null || value.isNull()) {
      throw new ConfigException(where(layers, path) + ": " + path + " has no value");
    }
    if (raw.isRecord()) {
      return bindRecord(raw, value, path, layers);
    }
    if (raw == int.class || raw == long.class) {
      if (!value.isIntegralNumber() || (raw == int.class && !value.canConvertToInt())
          || (raw == long.class && !value.canConvertToLong())) {
        throw wrongType(layers, path, raw == int.class ? "a whole number" : "a whole number (64-bit)", value);
      }
      return raw == int.class ? (Object) value.intValue() : (Object) value.longValue();
    }
    if (raw == double.class || raw == Double.class) {
      if (!value.isNumber()) {
        throw wrongType(layers, path, "a number", value);
      }
      return value.doubleValue();
    }
    if (raw == boolean.class) {
      if (value.isTextual() && List.of("yes", "on", "no", "off").contains(value.asText().toLowerCase(Locale.ROOT))) {
        return List.of("yes", "on").contains(value.asText().toLowerCase(Locale.ROOT));
      }
      if (!value.isBoolean()) {
        throw wrongType(layers, path, "true or false", value);
      }
      return value.booleanValue();
    }
    if (raw == String.class) {
      if (!value.isValueNode()) {
        throw wrongType(layers, path, "a text value", value);
      }
      return value.asText();
    }
    Type[] params = ((ParameterizedType) type).getActualTypeArguments();
    if (raw == List.class) {
      if (!value.isArray()) {
        throw wrongType(layers, path, "a list such as [a, b]", value);
      }
      List<Object> list = new ArrayList<>();
      value.forEach(item -> list.add(bindValue(params[0], item, path, layers)));
      return List.copyOf(list);
    }
    if (raw == Map.class) {
      if (!value.isObject()) {
        throw wrongType(layers, path, "a mapping of keys to values", value);
      }
      Map<String, Object> map = new LinkedHashMap<>();
      value.properties().forEach(e -> map.put(e.getKey(),
          bindValue(params[1], e.getValue(), join(path, e.getKey()), layers)));
      return map;
    }
    throw new IllegalStateException("configuration type not supported: " + type + " at " + path);
  }

  private static ConfigException wrongType(List<YamlSource> layers, String path, String expected, JsonNode value) {
    return new ConfigException(where(layers, path) + ": " + path + " must be " + expected + ", got "
        + describe(value));
  }

  private static String describe(JsonNode value) {
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.isTextual() ? "'" + value.asText() + "'" : value.toString();
  }

  /** The last layer that set {@code path} or one of its parents; the defaults otherwise. */
  private static String where(List<YamlSource> layers, String path) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
        String where = layers.get(i).where(p);
        if (where != null) {
          return where;
        }
      }
    }
    return "defaults";
  }

  private static String join(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  private static String lastPart(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** Levenshtein distance, for suggesting the key a user probably meant. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

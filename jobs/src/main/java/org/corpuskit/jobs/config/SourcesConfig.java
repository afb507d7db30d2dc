package org.corpuskit.jobs.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each document's source label comes from, for the mixture: rules over the web documents' columns, and
 * document sets that are already clean (a Wikipedia or code dump) named as sources of their own.
 */
public record SourcesConfig(
    @Doc("Source name: a SQL predicate over the web documents' columns (url, host, registered_domain, crawl, "
        + "warc_file, lang_declared, and the filter's signals: signals.lang, signals.<classifier> for a quality "
        + "bucket). The first rule that matches, in the order written, names a document's source; a document no "
        + "rule matches keeps the source extract.source gave it.")
    Map<String, String> rules,
    @Doc("Clean document sets mixed in beside the web text, name: PATH[:format=jsonl|parquet][,text=FIELD]"
        + "[,id=FIELD]. PATH is a file, folder or glob on any Hadoop file system; the format follows the "
        + "extension (.jsonl, .json, .gz of either, .parquet) unless given; text is the field with the text "
        + "(default text); id a field with a stable id (default: an id made from the set's name and the text).")
    Map<String, String> sets) implements Serializable {

  public static final SourcesConfig DEFAULTS = new SourcesConfig(Map.of(), Map.of());

  public SourcesConfig {
    rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    sets = Collections.unmodifiableMap(new LinkedHashMap<>(sets));
    for (Map.Entry<String, String> rule : rules.entrySet()) {
      checkName("rules", rule.getKey());
      Check.notBlank("rules: " + rule.getKey(), rule.getValue());
    }
    for (Map.Entry<String, String> set : sets.entrySet()) {
      checkName("sets", set.getKey());
      DocumentSet.parse(set.getKey(), set.getValue());
      if (rules.containsKey(set.getKey())) {
        throw new IllegalArgumentException("sets: " + set.getKey() + " is also a rule's source; a document set "
            + "needs a name of its own so that its share can be told apart");
      }
    }
  }

  private static void checkName(String key, String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException(key + ": a source name is letters, digits, '_', '.' and '-', got '"
          + name + "'");
    }
  }

  /** The document sets, parsed. */
  public List<DocumentSet> documentSets() {
    return sets.entrySet().stream().map(e -> DocumentSet.parse(e.getKey(), e.getValue())).toList();
  }

  /** This configuration with {@code others} added to its sets. */
  public SourcesConfig withSets(Map<String, String> others) {
    Map<String, String> all = new LinkedHashMap<>(sets);
    all.putAll(others);
    return new SourcesConfig(rules, all);
  }

  /**
   * One clean document set.
   *
   * @param name its source label
   * @param path file, folder or glob
   * @param format jsonl or parquet
   * @param textField the field holding the text
   * @param idField the field holding a stable id, or empty to derive one from the name and the text
   */
  public record DocumentSet(String name, String path, String format, String textField, String idField)
      implements Serializable {
    public DocumentSet {
      Check.notBlank("sets: " + name + " path", path);
      Check.oneOf("sets: " + name + " format", format, List.of("jsonl", "parquet"));
      Check.notBlank("sets: " + name + " text", textField);
    }

    /** Parses {@code PATH[:format=F][,text=FIELD][,id=FIELD]}. */
    static DocumentSet parse(String name, String spec) {
      String path = spec;
      Map<String, String> options = new LinkedHashMap<>();
      int colon = spec.lastIndexOf(':');
      if (colon > 0 && spec.substring(colon + 1).matches("[a-z]+=.*")) {
        path = spec.substring(0, colon);
        for (String option : spec.substring(colon + 1).split(",")) {
          String[] kv = option.split("=", 2);
          if (kv.length != 2 || !List.of("format", "text", "id").contains(kv[0])) {
            throw new IllegalArgumentException("sets: " + name + ": unknown option '" + option + "'; options are "
                + "format=jsonl|parquet, text=FIELD, id=FIELD");
          }
          options.put(kv[0], kv[1]);
        }
      }
      String format = options.getOrDefault("format", formatOf(name, path));
      return new DocumentSet(name, path, format, options.getOrDefault("text", "text"),
          options.getOrDefault("id", ""));
    }

    private static String formatOf(String name, String path) {
      String lower = path.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.(gz|zst|bz2)$", "");
      if (lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".ndjson")) {
        return "jsonl";
      }
      if (lower.endsWith(".parquet")) {
        return "parquet";
      }
      throw new IllegalArgumentException("sets: " + name + ": cannot tell the format of " + path + " from its "
          + "name; add :format=jsonl or :format=parquet");
    }
  }
}

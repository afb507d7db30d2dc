package org.corpuskit.jobs.stages.filter;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.corpuskit.jobs.pipeline.UsageException;

/**
 * Stop words by language, read once on the driver from a stopwords-iso JSON file and shipped with the task
 * (tens of kilobytes). Immutable after loading; thread-safe.
 */
final class StopWords implements Serializable {
  private static final long serialVersionUID = 1L;
  private final HashMap<String, HashSet<String>> byLanguage;

  private StopWords(HashMap<String, HashSet<String>> byLanguage) {
    this.byLanguage = byLanguage;
  }

  /** Loads {@code path}; an empty path gives no lists, so every language uses Gopher's English words. */
  static StopWords load(String path, Configuration conf) {
    HashMap<String, HashSet<String>> lists = new HashMap<>();
    if (path.isEmpty()) {
      return new StopWords(lists);
    }
    Path file = new Path(path);
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      Map<String, List<String>> json = new ObjectMapper().readValue(in, new TypeReference<>() {});
      json.forEach((lang, words) -> {
        HashSet<String> lower = new HashSet<>();
        words.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
        lists.put(lang, lower);
      });
    } catch (IOException e) {
      throw new UsageException("filter.stop_words " + path + ": cannot read it as a stopwords-iso JSON file ("
          + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    return new StopWords(lists);
  }

  /** The stop words of a language code, or an empty set. */
  Set<String> of(String lang) {
    return byLanguage.getOrDefault(lang, new HashSet<>());
  }
}

package org.corpuskit.jobs.stages.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.corpuskit.filter.BadWords;
import org.corpuskit.filter.SafetyLists;
import org.corpuskit.filter.UrlBlocklist;
import org.corpuskit.filter.UrlWords;
import org.corpuskit.jobs.config.FilterConfig;
import org.corpuskit.jobs.pipeline.UsageException;

/** Reads the safety lists named in the configuration, on the driver, from any Hadoop file system. */
final class ListFiles {
  private static final List<String> UT1_FILES = List.of("domains", "urls", "expressions",
      "very_restrictive_expression");

  private ListFiles() {}

  static SafetyLists load(FilterConfig config, Configuration conf) {
    UrlBlocklist blocklist = new UrlBlocklist();
    if (!config.urlBlocklists().isEmpty()) {
      Path root = new Path(config.urlBlocklists());
      for (FileStatus category : list(root, conf, "filter.url_blocklists")) {
        String name = category.getPath().getName();
        boolean wanted = config.urlBlocklistCategories().isEmpty() || config.urlBlocklistCategories().contains(name);
        if (category.isDirectory() && wanted) {
          for (String kind : UT1_FILES) {
            Path file = new Path(category.getPath(), kind);
            if (exists(file, conf)) {
              try {
                blocklist.add(name, kind, lines(file, conf));
              } catch (IllegalArgumentException e) {
                throw new UsageException("filter.url_blocklists: " + e.getMessage());
              }
            }
          }
        }
      }
    }
    UrlWords urlWords = new UrlWords();
    if (!config.urlWords().isEmpty()) {
      Path dir = new Path(config.urlWords());
      urlWords.banned(lines(new Path(dir, "banned_words.txt"), conf))
          .soft(lines(new Path(dir, "soft_banned_words.txt"), conf))
          .subwords(lines(new Path(dir, "banned_subwords.txt"), conf));
    }
    BadWords badWords = new BadWords();
    if (!config.badWords().isEmpty()) {
      for (FileStatus file : list(new Path(config.badWords()), conf, "filter.bad_words")) {
        String lang = file.getPath().getName();
        if (file.isFile() && lang.matches("[a-z]{2,3}")) {
          badWords.add(lang, lines(file.getPath(), conf));
        }
      }
    }
    return new SafetyLists(blocklist, urlWords, badWords);
  }

  private static FileStatus[] list(Path dir, Configuration conf, String key) {
    try {
      return dir.getFileSystem(conf).listStatus(dir);
    } catch (IOException e) {
      throw new UsageException(key + " " + dir + ": cannot list it (" + e.getMessage() + ")");
    }
  }

  private static boolean exists(Path file, Configuration conf) {
    try {
      return file.getFileSystem(conf).exists(file);
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> lines(Path file, Configuration conf) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        file.getFileSystem(conf).open(file), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new UsageException("cannot read the list " + file + " (" + e.getMessage() + ")");
    }
    return lines;
  }
}

package org.corpuskit.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Turns what a user names as input into the sorted list of archive files to read: files, directories (read
 * recursively, skipping names starting with {@code _} or {@code .}), globs, on any Hadoop file system; Common
 * Crawl path listings ({@code warc.paths.gz}, {@code wet.paths.gz}), whose relative lines are resolved against a
 * base ({@code s3a://commoncrawl/} by default); and crawl names, which stand for their listing.
 */
final class Inputs {
  static final String COMMON_CRAWL_BASE = "s3a://commoncrawl/";
  private static final Pattern CRAWL = Pattern.compile("CC-MAIN-\\d{4}-\\d{2}");

  private Inputs() {}

  /** The listing of a crawl: {@code <base>crawl-data/<crawl>/<kind>.paths.gz}, kind warc or wet. */
  static String crawlListing(String crawl, String kind, String base) {
    if (!CRAWL.matcher(crawl).matches()) {
      throw new IllegalArgumentException("crawl must look like CC-MAIN-2024-22, got '" + crawl + "'");
    }
    if (!kind.equals("warc") && !kind.equals("wet")) {
      throw new IllegalArgumentException("kind must be warc or wet, got '" + kind + "'");
    }
    return withSlash(base) + "crawl-data/" + crawl + "/" + kind + ".paths.gz";
  }

  /**
   * Resolves every spec; {@code maxFiles} (0 for all) keeps the first files of the sorted list, so a sample is
   * the same on every run.
   */
  static List<String> resolve(List<String> specs, String base, int maxFiles, Configuration conf) {
    if (maxFiles < 0) {
      throw new IllegalArgumentException("maxFiles must not be negative");
    }
    TreeSet<String> files = new TreeSet<>();
    for (String spec : specs) {
      files.addAll(isListing(spec) ? listing(spec, base, conf) : expand(spec, conf));
    }
    List<String> sorted = new ArrayList<>(files);
    return maxFiles > 0 && sorted.size() > maxFiles ? List.copyOf(sorted.subList(0, maxFiles)) : sorted;
  }

  /** The crawl name in a path, such as CC-MAIN-2024-22, or empty. */
  static String crawlOf(String path) {
    var m = CRAWL.matcher(path);
    return m.find() ? m.group() : "";
  }

  private static boolean isListing(String spec) {
    return spec.endsWith(".paths.gz") || spec.endsWith(".paths");
  }

  private static List<String> listing(String spec, String base, Configuration conf) {
    Path path = new Path(spec);
    List<String> files = new ArrayList<>();
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (InputStream raw = fs.open(path);
           InputStream in = spec.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
           BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String entry = line.strip();
          if (!entry.isEmpty()) {
            files.add(entry.contains("://") || entry.startsWith("/") ? entry : withSlash(base) + entry);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read path listing " + spec, e);
    }
    return files;
  }

  private static List<String> expand(String spec, Configuration conf) {
    Path path = new Path(spec);
    List<String> files = new ArrayList<>();
    try {
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new IllegalArgumentException("no input matches " + spec);
      }
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true);
          while (it.hasNext()) {
            Path file = it.next().getPath();
            if (!file.getName().startsWith("_") && !file.getName().startsWith(".")) {
              files.add(file.toString());
            }
          }
        } else {
          files.add(match.getPath().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + spec, e);
    }
    return files;
  }

  private static String withSlash(String base) {
    return base.endsWith("/") ? base : base + "/";
  }
}

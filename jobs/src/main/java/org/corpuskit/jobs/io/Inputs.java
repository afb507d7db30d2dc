package org.corpuskit.jobs.io;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.corpuskit.jobs.io.InputFiles.InputFile;
import org.corpuskit.jobs.pipeline.UsageException;

/**
 * Turns what a user names as input into the sorted list of archive files to read: files, directories (read
 * recursively, skipping names starting with {@code _} or {@code .}), globs, on any Hadoop file system; Common
 * Crawl path listings ({@code warc.paths.gz}, {@code wet.paths.gz}), whose relative lines are resolved against a
 * base ({@link #COMMON_CRAWL_BASE} by default); and crawl names, which stand for their listing.
 */
public final class Inputs {
  /**
   * Common Crawl over HTTPS: read without credentials from anywhere, where its S3 bucket has taken only signed
   * requests since April 2022. Inside AWS (us-east-1), {@code s3a://commoncrawl/} with credentials is faster.
   */
  public static final String COMMON_CRAWL_BASE = "https://data.commoncrawl.org/";
  private static final Pattern CRAWL = Pattern.compile("CC-MAIN-\\d{4}-\\d{2}");

  private Inputs() {}

  /** The listing of a crawl: {@code <base>crawl-data/<crawl>/<kind>.paths.gz}, kind warc or wet. */
  public static String crawlListing(String crawl, String kind, String base) {
    if (!CRAWL.matcher(crawl).matches()) {
      throw new UsageException("crawl must look like CC-MAIN-2024-22, got '" + crawl + "'");
    }
    if (!kind.equals("warc") && !kind.equals("wet")) {
      throw new IllegalArgumentException("kind must be warc or wet, got '" + kind + "'");
    }
    return withSlash(base) + "crawl-data/" + crawl + "/" + kind + ".paths.gz";
  }

  /**
   * Resolves every spec; {@code maxFiles} (0 for all) keeps the first files of the sorted list, so a sample is
   * the same on every run. A spec that matches nothing is a usage error.
   */
  public static InputFiles resolve(List<String> specs, String base, int maxFiles, Configuration conf) {
    if (maxFiles < 0) {
      throw new IllegalArgumentException("maxFiles must not be negative");
    }
    TreeMap<String, InputFile> files = new TreeMap<>();
    List<InputFile> listings = new ArrayList<>();
    for (String spec : specs) {
      if (isListing(spec)) {
        listings.add(listing(spec, base, conf, files));
      } else {
        expand(spec, conf).forEach(f -> files.put(f.path(), f));
      }
    }
    List<InputFile> sorted = new ArrayList<>(files.values());
    return new InputFiles(maxFiles > 0 && sorted.size() > maxFiles ? sorted.subList(0, maxFiles) : sorted, listings);
  }

  /** The crawl name in a path, such as CC-MAIN-2024-22, or empty. */
  public static String crawlOf(String path) {
    var m = CRAWL.matcher(path);
    return m.find() ? m.group() : "";
  }

  private static boolean isListing(String spec) {
    return spec.endsWith(".paths.gz") || spec.endsWith(".paths");
  }

  private static InputFile listing(String spec, String base, Configuration conf, Map<String, InputFile> files) {
    Path path = new Path(spec);
    try {
      FileSystem fs = path.getFileSystem(conf);
      FileStatus status = fs.getFileStatus(path);
      try (InputStream raw = java.nio.channels.Channels.newInputStream(HadoopChannel.open(spec, conf));
           InputStream in = spec.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
           BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String entry = line.strip();
          if (!entry.isEmpty()) {
            // A line with a scheme (s3a://, hdfs://, file:/) or a leading slash is a path of its own.
            String file = entry.startsWith("/") || new Path(entry).toUri().getScheme() != null ? entry
                : withSlash(base) + entry;
            files.put(file, new InputFile(file, -1, -1));
          }
        }
      }
      return new InputFile(status.getPath().toString(), status.getLen(), status.getModificationTime());
    } catch (FileNotFoundException e) {
      throw new UsageException("input " + spec + ": no such path listing");
    } catch (IOException e) {
      throw new UsageException("input " + spec + ": cannot read this path listing: " + IoMessages.of(e));
    }
  }

  private static List<InputFile> expand(String spec, Configuration conf) {
    Path path = new Path(spec);
    List<InputFile> files = new ArrayList<>();
    try {
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path, p -> !isHidden(p.getName()));
      if (matches == null || matches.length == 0) {
        throw new UsageException("input " + spec + " matches no file; check the path (globs need quotes in a shell)");
      }
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          listVisible(fs, match.getPath(), files);
        } else {
          files.add(new InputFile(match.getPath().toString(), match.getLen(), match.getModificationTime()));
        }
      }
    } catch (IOException e) {
      throw new UsageException("input " + spec + ": cannot list it: " + IoMessages.of(e));
    }
    return files;
  }

  /** Files under a directory, leaving out every file and directory whose name starts with _ or . */
  private static void listVisible(FileSystem fs, Path dir, List<InputFile> files) throws IOException {
    for (FileStatus child : fs.listStatus(dir)) {
      if (isHidden(child.getPath().getName())) {
        continue;
      }
      if (child.isDirectory()) {
        listVisible(fs, child.getPath(), files);
      } else {
        files.add(new InputFile(child.getPath().toString(), child.getLen(), child.getModificationTime()));
      }
    }
  }

  private static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }

  private static String withSlash(String base) {
    return base.endsWith("/") ? base : base + "/";
  }
}

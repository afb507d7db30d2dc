package org.corpuskit.jobs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.corpuskit.jobs.io.Inputs;

/**
 * A directory of releases on any Hadoop file system, one run's work directory each:
 *
 * <pre>
 * RELEASES/_refresh.lock               held while a refresh writes ({@link ReleaseLock})
 * RELEASES/release-00001/input.paths   the archive files this release read, one a line
 * RELEASES/release-00001/run.json ...  the run's work directory: stages, shards, manifest
 * RELEASES/release-00001/release.json  {@link Release}, written last: the release is finished
 * </pre>
 *
 * A release reads only archive files no finished release read, and is deduplicated against all of them. Not
 * thread-safe.
 */
public final class Releases {
  static final String RELEASE_JSON = "release.json";
  static final String INPUT_LISTING = "input.paths";
  private static final Pattern NAME = Pattern.compile("release-(\\d{5})");

  private final Path root;
  private final FileSystem fs;

  private Releases(Path root, FileSystem fs) {
    this.root = root;
    this.fs = fs;
  }

  /**
   * The releases under {@code dir}, which must be absent, empty or a directory of releases: anything else in
   * it is refused, so that a mistyped path is not filled with releases.
   */
  public static Releases at(String dir, Configuration conf) {
    try {
      Path path = new Path(dir);
      FileSystem fs = path.getFileSystem(conf);
      Path root = fs.makeQualified(path);
      if (fs.exists(root)) {
        if (!fs.getFileStatus(root).isDirectory()) {
          throw new UsageException("--releases " + dir + " is a file: name a directory of releases (or a new one)");
        }
        List<String> others = Arrays.stream(fs.listStatus(root)).map(s -> s.getPath().getName())
            .filter(name -> !NAME.matcher(name).matches() && !name.equals(ReleaseLock.FILE)).sorted().toList();
        if (!others.isEmpty()) {
          throw new UsageException("--releases " + dir + " holds " + others.get(0) + (others.size() > 1
              ? " and " + (others.size() - 1) + " more" : "") + ", which is no release: name a directory that "
              + "holds only release-NNNNN folders, or a new one");
        }
      }
      return new Releases(root, fs);
    } catch (IOException e) {
      throw new UsageException("--releases " + dir + ": cannot read it: " + e.getMessage());
    }
  }

  public String root() {
    return root.toString();
  }

  FileSystem fs() {
    return fs;
  }

  Path rootPath() {
    return root;
  }

  /** The folder of release {@code number}. */
  public String dir(int number) {
    return new Path(root, String.format("release-%05d", number)).toString();
  }

  /** The finished releases, oldest first. */
  public List<Release> finished() {
    List<Release> releases = new ArrayList<>();
    for (int number : numbers()) {
      read(new Path(dir(number), RELEASE_JSON)).ifPresent(json ->
          releases.add(Json.read(json, Release.class, "release.json of " + dir(number))));
    }
    return releases;
  }

  /** Release folders not among {@code finished}, whose run has not finished: at most one, the next, unless a folder was made by hand. */
  public List<String> unfinished(List<Release> finished) {
    Set<Integer> done = new TreeSet<>(finished.stream().map(Release::release).toList());
    return numbers().stream().filter(n -> !done.contains(n)).map(this::dir).toList();
  }

  /** The number a refresh writes after {@code finished}: one past the last of them. */
  public static int next(List<Release> finished) {
    return finished.stream().mapToInt(Release::release).max().orElse(0) + 1;
  }

  /** The {@link #key}s of every archive file the releases {@code finished} read. */
  public Set<String> released(List<Release> finished) {
    Set<String> files = new LinkedHashSet<>();
    for (Release release : finished) {
      String listing = read(new Path(dir(release.release()), INPUT_LISTING)).orElseThrow(() ->
          new IllegalStateException(dir(release.release()) + " has no " + INPUT_LISTING + ": the release is damaged"));
      listing.lines().filter(line -> !line.isBlank()).map(Releases::key).forEach(files::add);
    }
    return files;
  }

  /**
   * What identifies an archive file across releases: a Common Crawl file by its path from {@code crawl-data/}
   * on, so that the same crawl read over HTTPS once and from S3 the next time is not released twice; any other
   * file by its path as resolved.
   */
  public static String key(String file) {
    int crawlData = file.indexOf("/crawl-data/");
    return crawlData >= 0 ? file.substring(crawlData + 1) : file;
  }

  /**
   * Writes the listing of release {@code number}'s files, unless it holds them already (its modification time
   * is part of the run's input fingerprint, so that a resumed release reuses its finished stages), and returns
   * what it held before: nothing for a new release, the same files for one resumed as it was.
   */
  public Optional<String> writeListing(int number, List<String> files) {
    Path path = new Path(dir(number), INPUT_LISTING);
    String text = String.join("\n", files) + "\n";
    Optional<String> before = read(path);
    if (!before.filter(text::equals).isPresent()) {
      write(path, text);
    }
    return before;
  }

  /** The path of release {@code number}'s listing of its files. */
  public String listing(int number) {
    return new Path(dir(number), INPUT_LISTING).toString();
  }

  /**
   * Marks release {@code number}, whose run has succeeded, finished: writes its release.json from its manifest
   * and input listing, and returns it.
   */
  public Release finish(int number, List<Release> buildsOn, String codeVersion) {
    String dir = dir(number);
    JsonNode manifest = Json.readTree(read(new Path(dir, "pack/manifest.json")).orElseThrow(() ->
        new IllegalStateException(dir + " has no pack/manifest.json: its run did not finish")), "the manifest");
    List<String> files = read(new Path(dir, INPUT_LISTING)).orElse("").lines().filter(l -> !l.isBlank()).toList();
    Release release = new Release(number, new Path(dir).getName(), Instant.now().toString(), codeVersion,
        crawls(files), files.size(), INPUT_LISTING, buildsOn.stream().map(Release::name).toList(),
        new Path(dir, "dedup/index").toString(), manifest.path("documents").asLong(),
        manifest.path("tokens").asLong(), manifest.path("sequences").asLong(), manifest.path("shards").size());
    write(new Path(dir, RELEASE_JSON), Json.write(release));
    return release;
  }

  private static List<String> crawls(List<String> files) {
    return files.stream().map(Inputs::crawlOf).filter(c -> !c.isEmpty()).distinct().sorted().toList();
  }

  private List<Integer> numbers() {
    try {
      if (!fs.exists(root)) {
        return List.of();
      }
      List<Integer> numbers = new ArrayList<>();
      for (FileStatus child : fs.listStatus(root)) {
        Matcher m = NAME.matcher(child.getPath().getName());
        if (child.isDirectory() && m.matches()) {
          numbers.add(Integer.parseInt(m.group(1)));
        }
      }
      numbers.sort(null);
      return numbers;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  Optional<String> read(Path path) {
    return WorkDir.readText(fs, path);
  }

  private void write(Path path, String text) {
    WorkDir.writeText(fs, path, text);
  }
}

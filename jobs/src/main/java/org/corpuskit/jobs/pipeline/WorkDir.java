package org.corpuskit.jobs.pipeline;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run's output directory on any Hadoop file system:
 *
 * <pre>
 * OUT/run.json                      lineage: code version, configuration, inputs, each stage's times and counts
 * OUT/config.yaml                   the effective configuration, usable as --config
 * OUT/stats.json                    the funnel: per stage, records and characters in, out, rejected, failed
 * OUT/&lt;stage&gt;/&lt;dataset&gt;/         Parquet
 * OUT/&lt;stage&gt;/_COMPLETE.json        the stage's marker, written last
 * </pre>
 *
 * Not thread-safe.
 */
public final class WorkDir {
  static final String RUN_JSON = "run.json";

  private final Path root;
  private final FileSystem fs;

  private WorkDir(Path root, FileSystem fs) {
    this.root = root;
    this.fs = fs;
  }

  /**
   * Checks that {@code out} may hold a run, before anything is written: not a file, not {@code /} or the home
   * directory, not inside an input, and either absent, empty, a work directory of this tool, or allowed by
   * {@code overwrite}. Nothing is deleted here.
   */
  public static WorkDir open(String out, List<String> inputs, boolean overwrite, Configuration conf) {
    if (out == null || out.isBlank()) {
      throw new UsageException("--out is empty: name a directory for the run's output");
    }
    try {
      Path path = new Path(out);
      FileSystem fs = path.getFileSystem(conf);
      Path root = fs.makeQualified(path);
      if (root.isRoot()) {
        throw new UsageException("--out " + out + " is the root of a file system: name a directory under it");
      }
      if (root.equals(fs.makeQualified(new Path(System.getProperty("user.home"))))) {
        throw new UsageException("--out " + out + " is your home directory: name a directory under it");
      }
      for (String input : inputs) {
        Path in = new Path(literalPrefix(input));
        String scheme = in.toUri().getScheme();
        if (scheme != null && !scheme.equals(root.toUri().getScheme())) {
          continue;
        }
        if (isUnder(root, fs.makeQualified(in))) {
          throw new UsageException("--out " + out + " is inside the input " + input
              + ": the output would be read as input by the next run; write it elsewhere");
        }
      }
      if (fs.exists(root)) {
        FileStatus status = fs.getFileStatus(root);
        if (!status.isDirectory()) {
          throw new UsageException("--out " + out + " is a file: name a directory (new or from an earlier run)");
        }
        boolean empty = fs.listStatus(root).length == 0;
        if (!empty && !fs.exists(new Path(root, RUN_JSON)) && !overwrite) {
          throw new UsageException("--out " + out + " is not empty and holds no " + RUN_JSON + " of an earlier "
              + "run; choose another directory, or add --overwrite to write the stage directories into it");
        }
      }
      return new WorkDir(root, fs);
    } catch (IOException e) {
      throw new UsageException("--out " + out + ": cannot check it: " + e.getMessage());
    }
  }

  public String root() {
    return root.toString();
  }

  public String path(String stage, String dataset) {
    return new Path(new Path(root, stage), dataset).toString();
  }

  Path stageDir(String stage) {
    return new Path(root, stage);
  }

  Optional<StageMarker> marker(String stage) {
    return readText(new Path(stageDir(stage), StageMarker.FILE))
        .map(json -> Json.read(json, StageMarker.class, "the marker of stage " + stage));
  }

  void writeMarker(StageMarker marker) {
    writeText(new Path(stageDir(marker.stage()), StageMarker.FILE), Json.write(marker));
  }

  /** Removes a stage's directory, marker first, so that an interrupted removal still leaves no marker. */
  void clearStage(String stage) {
    try {
      fs.delete(new Path(stageDir(stage), StageMarker.FILE), false);
      fs.delete(stageDir(stage), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + stageDir(stage), e);
    }
  }

  /** Writes a file under the root, replacing it; one PUT on object stores. */
  public void write(String name, String text) {
    writeText(new Path(root, name), text);
  }

  /** Writes a file at {@code path}, a full path under the root such as one of {@link #path}. */
  void writeAbsolute(String path, String text) {
    writeText(new Path(path), text);
  }

  private void writeText(Path path, String text) {
    writeText(fs, path, text);
  }

  private Optional<String> readText(Path path) {
    return readText(fs, path);
  }

  /** Writes a file whole, replacing it; one PUT on object stores. */
  static void writeText(FileSystem fs, Path path, String text) {
    try (OutputStream out = fs.create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** A file's text, or empty when there is no such file. */
  static Optional<String> readText(FileSystem fs, Path path) {
    try (InputStream in = fs.open(path)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static boolean isUnder(Path child, Path parent) {
    for (Path p = child; p != null; p = p.getParent()) {
      if (p.equals(parent)) {
        return true;
      }
    }
    return false;
  }

  /** The part of a path before its first glob character: the directory a glob can match under. */
  private static String literalPrefix(String input) {
    int glob = input.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int i = input.indexOf(c);
      if (i >= 0) {
        glob = Math.min(glob, i);
      }
    }
    String prefix = input.substring(0, glob);
    return prefix.isEmpty() ? "." : prefix;
  }
}

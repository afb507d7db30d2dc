package org.corpuskit.jobs.pipeline;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Collects a stage's problems before Spark starts: each check runs, and what it throws becomes one line, so
 * that a user sees every problem of a configuration at once instead of one per run. Not thread-safe.
 */
public final class Preflight {
  /** A check that throws when it finds a problem. */
  @FunctionalInterface
  public interface Check {
    void run() throws Exception;
  }

  private final List<String> problems = new ArrayList<>();

  /** Runs {@code check}; a problem it throws is kept as {@code what: message}. */
  public Preflight check(String what, Check check) {
    try {
      check.run();
    } catch (UsageException e) {
      problems.add(e.getMessage());
    } catch (UncheckedIOException e) {
      problems.add(what + ": " + Messages.describe(e.getCause()));
    } catch (Exception e) {
      String problem = Messages.describe(e);
      problems.add(problem.startsWith(what + ": ") ? problem : what + ": " + problem);
    }
    return this;
  }

  /** Runs {@code check} only when {@code path} is on the local file system (or empty, which it ignores). */
  public Preflight checkLocal(String path, String what, Check check) {
    return path == null || path.isEmpty() || !isLocal(path) ? this : check(what, check);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Whether {@code path} is on the local file system: no scheme, or {@code file:}. */
  public static boolean isLocal(String path) {
    String scheme = new Path(path).toUri().getScheme();
    return scheme == null || scheme.equals("file");
  }

  /** A Hadoop configuration for local files, made without Spark. */
  public static Configuration localConf() {
    return new Configuration();
  }
}

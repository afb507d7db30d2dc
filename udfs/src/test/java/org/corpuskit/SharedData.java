package org.corpuskit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real third-party data in {@code ../shared/data}: present in CI, absent in users' clones, where the tests
 * that need it skip themselves.
 */
public final class SharedData {
  private SharedData() {}

  /** A path under the shared data folder; skips the calling test when it is absent. */
  public static Path require(String relative) {
    String root = System.getProperty("corpus.shared.data", "../../shared/data");
    Path path = Path.of(root).resolve(relative);
    assumeTrue(Files.exists(path), "shared data not present: " + path);
    return path;
  }
}

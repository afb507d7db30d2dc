package org.corpuskit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real third-party data in {@code ../shared/data}: present in CI, absent in users' clones, where the tests
 * that need it skip themselves. CI sets {@code CORPUS_SHARED_DATA=required}, and then a missing file fails the
 * test instead, so that a test can never pass in CI by skipping.
 */
public final class SharedData {
  private SharedData() {}

  /** A path under the shared data folder; skips the calling test when it is absent, or fails in CI. */
  public static Path require(String relative) {
    Path path = root().resolve(relative);
    if ("required".equals(System.getenv("CORPUS_SHARED_DATA"))) {
      assertTrue(Files.exists(path), "CORPUS_SHARED_DATA=required and the shared data lacks " + path);
    }
    assumeTrue(Files.exists(path), "shared data not present: " + path);
    return path;
  }

  /**
   * A file the shared data does not ship but a developer may put there (Llama's tokenizer files): skips the
   * calling test when it is absent, in CI too.
   */
  public static Path ifPresent(String relative) {
    Path path = root().resolve(relative);
    assumeTrue(Files.exists(path), "not in the shared data (put it there to run this test): " + path);
    return path;
  }

  private static Path root() {
    return Path.of(System.getProperty("corpus.shared.data", "../../shared/data"));
  }
}

package org.corpuskit.jobs.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The git commit this build was made from, embedded at build time (corpus-git.properties). */
public final class CodeVersion {
  private CodeVersion() {}

  /** The commit id, with {@code -dirty} when the tree had uncommitted changes, or {@code unknown}. */
  public static String current() {
    try (InputStream in = CodeVersion.class.getResourceAsStream("/corpus-git.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties git = new Properties();
      git.load(in);
      String commit = git.getProperty("git.commit.id", "unknown");
      return "true".equals(git.getProperty("git.dirty")) ? commit + "-dirty" : commit;
    } catch (IOException e) {
      return "unknown";
    }
  }
}

package org.corpuskit.jobs.pipeline;

/** A request the pipeline refuses before any work starts: a bad --out, an unknown stage. Exit status 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}

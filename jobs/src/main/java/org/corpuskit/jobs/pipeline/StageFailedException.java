package org.corpuskit.jobs.pipeline;

/**
 * A stage that threw: names the stage, and keeps what it threw as the cause, from which the command line takes
 * its exit status (a {@link UsageException} inside a stage is still a usage error). The stage leaves no marker.
 */
public final class StageFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String stage;

  StageFailedException(String stage, Throwable cause) {
    super("stage " + stage + " failed: " + Messages.describe(cause), cause);
    this.stage = stage;
  }

  public String stage() {
    return stage;
  }
}

package org.corpuskit.jobs.pipeline;

/** A stage whose counts do not add up: the run stops, the stage leaves no marker. Exit status 3. */
public final class CountsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String stage;

  CountsException(String stage, StageCounts counts) {
    super("stage " + stage + ": counts do not add up: " + counts.equation() + "; its output is kept but not "
        + "marked complete");
    this.stage = stage;
  }

  public String stage() {
    return stage;
  }
}

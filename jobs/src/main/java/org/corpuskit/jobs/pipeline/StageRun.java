package org.corpuskit.jobs.pipeline;

/**
 * What became of one stage in a run.
 *
 * @param stage the stage's name
 * @param reused true when its marker matched and it did not run again
 * @param marker its marker: written by this run, or found from an earlier one
 */
public record StageRun(String stage, boolean reused, StageMarker marker) {}

package org.corpuskit.jobs.pipeline;

import java.util.List;

/**
 * The completion marker of a stage, {@code OUT/<stage>/_COMPLETE.json}, written only after every dataset of
 * the stage is committed. It is the commit: on object stores, where no rename is atomic, a stage directory
 * without it is partial whatever it holds.
 *
 * @param stage the stage's name
 * @param fingerprint hash of the stage's name, settings hash and input fingerprint: what its output is a
 *     function of, and what a later stage's input fingerprint is built from
 * @param settingsHash hash of the stage's configuration section and logic version
 * @param inputFingerprint the input files' paths, sizes and modification times, or the fingerprints of the
 *     earlier stages' markers it read
 * @param codeVersion the build that wrote it
 * @param started when the stage started, ISO-8601
 * @param ended when its marker was written, ISO-8601
 * @param seconds time taken
 * @param counts its counts, from the data it wrote
 * @param datasets the datasets it wrote, under its directory
 */
public record StageMarker(String stage, String fingerprint, String settingsHash, String inputFingerprint,
    String codeVersion, String started, String ended, double seconds, StageCounts counts, List<String> datasets) {
  static final String FILE = "_COMPLETE.json";
}

package org.corpuskit.jobs.pipeline;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Where the reliability tests kill the driver: with {@code -Dcorpus.test.halt=STAGE:writing} the JVM halts as
 * soon as a task of that stage has written records (its datasets half written, their job not committed), with
 * {@code STAGE:before-marker} once its datasets are all written and counted but before its marker. Halting is
 * {@link Runtime#halt}: no finally block, shutdown hook or buffered write runs, as after kill -9. Without the
 * property, which no user sets, nothing happens. Thread-safe.
 */
final class FaultPoint {
  static final String PROPERTY = "corpus.test.halt";
  /** The exit status of a halted driver, as a shell reports a process killed by signal 9. */
  static final int HALTED = 137;

  private FaultPoint() {}

  /** Arms the halt on the first written records of {@code stage}, if asked; returns the listener to remove. */
  static SparkListener armWriting(SparkSession spark, String stage) {
    if (!(stage + ":writing").equals(System.getProperty(PROPERTY))) {
      return null;
    }
    SparkListener listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskMetrics() != null && end.taskMetrics().outputMetrics().recordsWritten() > 0) {
          Runtime.getRuntime().halt(HALTED);
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    return listener;
  }

  /** Halts before {@code stage}'s marker is written, if asked. */
  static void beforeMarker(String stage) {
    if ((stage + ":before-marker").equals(System.getProperty(PROPERTY))) {
      Runtime.getRuntime().halt(HALTED);
    }
  }
}

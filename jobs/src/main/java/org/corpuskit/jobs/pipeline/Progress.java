package org.corpuskit.jobs.pipeline;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * A progress line for one stage on the driver: Spark tasks done out of those submitted so far, records written
 * per second, and an estimate of the time left. On a terminal the line is redrawn in place every second;
 * otherwise a plain line is printed every {@value #PLAIN_INTERVAL_SECONDS} seconds. Stages run one at a time,
 * so everything the listener hears between start and close belongs to this stage.
 */
final class Progress extends SparkListener implements AutoCloseable {
  private static final int PLAIN_INTERVAL_SECONDS = 30;

  private final SparkSession spark;
  private final String stage;
  private final PrintStream out = System.err;
  private final boolean terminal = System.console() != null;
  private final long startNanos = System.nanoTime();
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong tasksDone = new AtomicLong();
  private final AtomicLong records = new AtomicLong();
  private final Thread printer;
  private volatile boolean closed;

  private Progress(SparkSession spark, String stage) {
    this.spark = spark;
    this.stage = stage;
    this.printer = new Thread(this::printUntilClosed, "corpus-progress-" + stage);
    printer.setDaemon(true);
  }

  static Progress start(SparkSession spark, String stage) {
    Progress progress = new Progress(spark, stage);
    spark.sparkContext().addSparkListener(progress);
    progress.printer.start();
    return progress;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    tasks.addAndGet(submitted.stageInfo().numTasks());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    tasksDone.incrementAndGet();
    if (end.taskMetrics() != null) {
      records.addAndGet(end.taskMetrics().outputMetrics().recordsWritten());
    }
  }

  String line() {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long done = tasksDone.get();
    long all = Math.max(done, tasks.get());
    String eta = done == 0 || done >= all ? "--:--" : clock(seconds / done * (all - done));
    return String.format("[%s] tasks %d/%d, %.0f records/s, elapsed %s, left %s", stage, done, all,
        records.get() / seconds, clock(seconds), eta);
  }

  private void printUntilClosed() {
    long lastPlain = System.nanoTime();
    while (!closed) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      if (closed) {
        return;
      }
      if (terminal) {
        out.print("\r\033[K" + line());
        out.flush();
      } else if (System.nanoTime() - lastPlain >= PLAIN_INTERVAL_SECONDS * 1_000_000_000L) {
        out.println(line());
        lastPlain = System.nanoTime();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    printer.interrupt();
    spark.sparkContext().removeSparkListener(this);
    if (terminal) {
      out.print("\r\033[K");
    }
    out.println(line());
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}

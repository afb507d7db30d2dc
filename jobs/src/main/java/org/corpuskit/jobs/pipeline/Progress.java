package org.corpuskit.jobs.pipeline;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.AccumulatorV2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A progress line for one stage on the driver: its place in the run ({@code 3/7 dedup}), the bytes its tasks
 * have read, the records they have written and how fast (finished tasks, and running ones as of their
 * executors' last heartbeat), and, for a stage reading the input files, whose size
 * is known beforehand, the share read and an estimate of the time left; in local mode, the most heap that was
 * live after a garbage collection. Only what is known is shown: Spark
 * submits a stage's jobs one after another, so a count of tasks would grow as the stage goes. On a terminal
 * the line is redrawn in place every second; otherwise a plain line is printed every
 * {@value #PLAIN_INTERVAL_SECONDS} seconds. Stages run one at a time, so everything the listener hears between
 * start and close belongs to this stage.
 */
final class Progress extends SparkListener implements AutoCloseable {
  private static final int PLAIN_INTERVAL_SECONDS = 30;
  private static final String BYTES_READ = "internal.metrics.input.bytesRead";
  private static final String RECORDS_WRITTEN = "internal.metrics.output.recordsWritten";

  private final SparkSession spark;
  private final String stage;
  private final long inputBytes;
  private final PrintStream out = System.err;
  private final boolean terminal = System.console() != null;
  private final long startNanos = System.nanoTime();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong records = new AtomicLong();
  /**
   * Bytes read and records written so far by tasks still running, by task id, from the executors' heartbeats: a
   * task reading one archive file of a gigabyte runs for minutes, and the line should move meanwhile.
   */
  private final Map<Long, long[]> running = new ConcurrentHashMap<>();
  private final Map<Long, String> metricNames = new ConcurrentHashMap<>();
  /** Tasks that ended: a heartbeat taken before a task ended can arrive after, and must not count it again. */
  private final Set<Long> ended = ConcurrentHashMap.newKeySet();
  /**
   * In local mode the tasks run in this JVM, so its heap is the executors': the most it held after a garbage
   * collection during the stage (what was live, not what was merely not yet collected).
   */
  private final boolean local;
  private final AtomicLong heapPeak = new AtomicLong();
  private final javax.management.NotificationListener afterGc = (notification, handback) -> {
    if (notification.getType().equals(
        com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
      long live = 0;
      var info = com.sun.management.GarbageCollectionNotificationInfo.from(
          (javax.management.openmbean.CompositeData) notification.getUserData()).getGcInfo();
      for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
        var after = info.getMemoryUsageAfterGc().get(pool.getName());
        if (pool.getType() == java.lang.management.MemoryType.HEAP && after != null) {
          live += after.getUsed();
        }
      }
      heapPeak.accumulateAndGet(live, Math::max);
    }
  };
  private final Thread printer;
  private volatile boolean closed;

  private Progress(SparkSession spark, String stage, long inputBytes) {
    this.spark = spark;
    this.stage = stage;
    this.inputBytes = inputBytes;
    this.local = spark.sparkContext().isLocal();
    this.printer = new Thread(this::printUntilClosed, "corpus-progress-" + stage);
    printer.setDaemon(true);
  }

  /**
   * Starts the line of {@code stage} (its place and name, such as {@code 3/7 dedup}); {@code inputBytes} is the
   * size of the files it reads when known beforehand, else -1.
   */
  static Progress start(SparkSession spark, String stage, long inputBytes) {
    Progress progress = new Progress(spark, stage, inputBytes);
    spark.sparkContext().addSparkListener(progress);
    if (progress.local) {
      gcBeans().forEach(gc -> gc.addNotificationListener(progress.afterGc, null, null));
    }
    progress.printer.start();
    return progress;
  }

  /**
   * Notes the ids of the metrics the line shows: a heartbeat names Spark's own task metrics only by id. Reads
   * {@code TaskMetrics.accumulators()}, which Scala keeps to Spark's packages and Java sees as public.
   */
  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    if (submitted.stageInfo().taskMetrics() == null) {
      return;
    }
    for (AccumulatorV2<?, ?> metric : CollectionConverters.asJava(
        submitted.stageInfo().taskMetrics().accumulators())) {
      if (metric.name().isDefined() && (metric.name().get().equals(BYTES_READ)
          || metric.name().get().equals(RECORDS_WRITTEN))) {
        metricNames.put(metric.id(), metric.name().get());
      }
    }
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (var task : CollectionConverters.asJava(update.accumUpdates())) {
      if (ended.contains((Long) task._1())) {
        continue;
      }
      long[] sofar = running.computeIfAbsent((Long) task._1(), id -> new long[2]);
      for (AccumulableInfo metric : CollectionConverters.asJava(task._4())) {
        String name = metricNames.get(metric.id());
        if (name != null && metric.update().isDefined()) {
          sofar[name.equals(BYTES_READ) ? 0 : 1] = ((Number) metric.update().get()).longValue();
        }
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    ended.add(end.taskInfo().taskId());
    running.remove(end.taskInfo().taskId());
    if (end.taskMetrics() != null) {
      bytesRead.addAndGet(end.taskMetrics().inputMetrics().bytesRead());
      records.addAndGet(end.taskMetrics().outputMetrics().recordsWritten());
    }
  }

  String line() {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long read = bytesRead.get() + running.values().stream().mapToLong(task -> task[0]).sum();
    long written = records.get() + running.values().stream().mapToLong(task -> task[1]).sum();
    String reading;
    if (inputBytes > 0) {
      double share = Math.min(1.0, read / (double) inputBytes);
      // What the stage reads after its input (its own outputs, to count them) is not input read.
      read = Math.min(read, inputBytes);
      reading = String.format("%s of %s read (%.0f%%, %s)", size(read), size(inputBytes), 100 * share,
          rate(read, seconds)) + (share > 0 && share < 1 ? ", left " + clock(seconds / share * (1 - share))
          : "");
    } else {
      reading = size(read) + " read (" + rate(read, seconds) + ")";
    }
    return String.format("[%s] %s, %,d records written (%,.0f/s), elapsed %s", stage, reading, written,
        written / seconds, clock(seconds)) + (heapPeak.get() > 0 ? ", heap after GC peak " + size(heapPeak.get()) : "");
  }

  private static String rate(long bytes, double seconds) {
    return String.format("%.1f MB/s", bytes / (double) (1L << 20) / seconds);
  }

  private static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format("%.1f GB", bytes / (double) (1L << 30));
    }
    return bytes >= 1L << 20 ? String.format("%.1f MB", bytes / (double) (1L << 20))
        : String.format("%.0f KB", bytes / 1024.0);
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
    gcBeans().forEach(gc -> {
      try {
        gc.removeNotificationListener(afterGc);
      } catch (javax.management.ListenerNotFoundException e) {
        // Not local mode: never added.
      }
    });
    printer.interrupt();
    spark.sparkContext().removeSparkListener(this);
    if (terminal) {
      out.print("\r\033[K");
    }
    out.println(line());
  }

  private static List<javax.management.NotificationEmitter> gcBeans() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(javax.management.NotificationEmitter.class::isInstance)
        .map(javax.management.NotificationEmitter.class::cast).toList();
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}

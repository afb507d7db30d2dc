package org.corpuskit.jobs.stages.extract;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.corpuskit.jobs.pipeline.UsageException;

/**
 * Refuses a payload limit that the executors cannot hold, before any task runs: a task that meets a payload of
 * the limit (a gzip bomb inflates to exactly that) would otherwise end the whole job with OutOfMemoryError.
 *
 * <p>A task holds a record's payload about {@value #COPIES} times at its peak: the bytes read, the bytes after
 * content decoding, the decoded text (two bytes a character) and the parsed document with its text. Every task
 * an executor runs at once may do so, and half the heap is left to Spark's own memory.
 */
final class PayloadMemory {
  static final int COPIES = 6;

  private PayloadMemory() {}

  static void check(SparkContext spark, int maxPayloadMb) {
    SparkConf conf = spark.getConf();
    long heapMb;
    int tasks;
    String where;
    if (spark.isLocal()) {
      heapMb = Runtime.getRuntime().maxMemory() >> 20;
      tasks = spark.defaultParallelism();
      where = "the local JVM has " + heapMb + " MB (set -Xmx in CORPUS_JAVA_OPTS)";
    } else {
      heapMb = conf.getSizeAsMb("spark.executor.memory", "1g");
      tasks = Math.max(1, conf.getInt("spark.executor.cores", 1) / conf.getInt("spark.task.cpus", 1));
      where = "executors have " + heapMb + " MB (spark.executor.memory)";
    }
    long neededMb = (long) maxPayloadMb * COPIES * tasks;
    if (neededMb > heapMb / 2) {
      throw new UsageException(String.format("extract.max_payload_mb %d needs about %d MB of heap for %d tasks at "
          + "once (%d copies of a payload each, within half the heap), but %s; lower max_payload_mb to %d or "
          + "give the executors more memory", maxPayloadMb, neededMb * 2, tasks, COPIES, where,
          Math.max(1, heapMb / 2 / COPIES / tasks)));
    }
  }
}

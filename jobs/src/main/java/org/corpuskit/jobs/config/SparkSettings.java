package org.corpuskit.jobs.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * How {@code corpus} starts its Spark session when it runs outside spark-submit. Kept apart from the stages'
 * settings: none of it changes what a stage writes, so none of it is in a stage's hash.
 */
public record SparkSettings(
    @Doc("Spark master when corpus starts Spark itself; ignored under spark-submit, which sets its own.")
    String master,
    @Doc("Spark properties for a session corpus starts itself, such as spark.sql.shuffle.partitions.")
    Map<String, String> conf) {

  public static final SparkSettings DEFAULTS = new SparkSettings("local[*]",
      Map.of("spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "8"));

  /**
   * Properties the job sets wherever it runs, under spark-submit too, unless the user set them (in this section
   * or to spark-submit). {@code spark.locality.wait} 0s: with delay scheduling, a task whose data is on a host
   * no executor runs on (an HDFS data node apart from the executors, or a laptop reading a cluster's HDFS) was
   * seen never to start, its stage waiting with free cores; the job's reads are whole files and its own
   * Parquet, for which locality gains little (docs/decisions.md).
   */
  public static final Map<String, String> JOB_DEFAULTS = Map.of("spark.locality.wait", "0s");

  public SparkSettings {
    Check.notBlank("master", master);
    conf = new TreeMap<>(conf);
    for (String key : conf.keySet()) {
      if (!key.startsWith("spark.")) {
        throw new IllegalArgumentException("conf: '" + key + "' is not a Spark property (they start with spark.)");
      }
    }
    conf = Map.copyOf(conf);
  }
}

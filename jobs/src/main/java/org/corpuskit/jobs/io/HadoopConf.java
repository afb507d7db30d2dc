package org.corpuskit.jobs.io;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** Carries a Hadoop configuration to executors as a plain map, since Configuration is not serializable. */
public final class HadoopConf {
  private HadoopConf() {}

  public static Map<String, String> toMap(Configuration conf) {
    Map<String, String> map = new HashMap<>();
    conf.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
    return map;
  }

  public static Configuration fromMap(Map<String, String> map) {
    Configuration conf = new Configuration(false);
    map.forEach(conf::set);
    return conf;
  }

  /**
   * The Hadoop settings of a Spark configuration ({@code spark.hadoop.*} keys, without the prefix) over the
   * defaults, for reading files before or without a Spark session.
   */
  public static Configuration of(Map<String, String> sparkConf) {
    Configuration conf = new Configuration();
    sparkConf.forEach((key, value) -> {
      if (key.startsWith("spark.hadoop.")) {
        conf.set(key.substring("spark.hadoop.".length()), value);
      }
    });
    return conf;
  }

  /**
   * Names the region of Common Crawl's bucket, us-east-1, unless the user did. Its credentials are the user's
   * own: the bucket refuses unsigned requests since April 2022, so no anonymous provider is set.
   */
  public static void commonCrawlRegion(Configuration conf) {
    if (conf.get("fs.s3a.bucket.commoncrawl.endpoint.region") == null) {
      conf.set("fs.s3a.bucket.commoncrawl.endpoint.region", "us-east-1");
    }
  }
}

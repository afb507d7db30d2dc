package org.corpuskit.jobs.stages.pack;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The shard files of a pack run: named in shard order, measured from what they hold, and hashed on the
 * executors (a run's shards may be terabytes; the driver reads none of them). {@code corpus verify} measures
 * them the same way.
 */
public final class Shards {
  private static final Pattern PART = Pattern.compile("part-(\\d+)-.*\\.parquet");

  private Shards() {}

  /**
   * One shard file.
   *
   * @param file its name inside the shards folder
   * @param rows sequences
   * @param tokens document tokens, padding excluded
   * @param padding pad tokens
   * @param bytes its size
   * @param sha256 its SHA-256, hex
   */
  public record ShardFile(String file, long rows, long tokens, long padding, long bytes, String sha256) {}

  /**
   * The shards and, per source, tokens and document parts.
   */
  public record Written(List<ShardFile> shards, Map<String, long[]> sources) {
    public long rows() {
      return shards.stream().mapToLong(ShardFile::rows).sum();
    }

    public long tokens() {
      return shards.stream().mapToLong(ShardFile::tokens).sum();
    }

    public long padding() {
      return shards.stream().mapToLong(ShardFile::padding).sum();
    }
  }

  /**
   * Names Spark's part files of {@code dir} {@code shard-NNNNN-of-MMMMM.parquet}, in partition order. Each is
   * copied on the executors with its footer's encoding lists sorted ({@link ParquetFooter}), so that the same
   * rows give the same bytes in every run, and the part file is then deleted.
   */
  static void name(SparkSession spark, String dir) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String[]> renames = new ArrayList<>();
    try {
      Path folder = new Path(dir);
      FileSystem fs = folder.getFileSystem(conf);
      Map<Integer, Path> parts = new TreeMap<>();
      for (FileStatus status : fs.listStatus(folder)) {
        Matcher m = PART.matcher(status.getPath().getName());
        if (m.matches()) {
          parts.put(Integer.parseInt(m.group(1)), status.getPath());
        }
      }
      int i = 0;
      for (Path part : parts.values()) {
        renames.add(new String[] {part.toString(),
            new Path(folder, String.format("shard-%05d-of-%05d.parquet", i++, parts.size())).toString()});
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the shards in " + dir, e);
    }
    if (renames.isEmpty()) {
      return;
    }
    Map<String, String> settings = settings(conf);
    JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(renames, renames.size())
        .foreach(pair -> copySorted(new Path(pair[0]), new Path(pair[1]), rebuild(settings)));
  }

  /**
   * Copies {@code from} to {@code to} with a sorted footer, through a temporary file of this attempt, then deletes
   * {@code from}. Safe to repeat: a retried task whose earlier attempt got as far as the delete finds the shard in
   * place, and a speculative attempt never writes over the shard another attempt finished.
   */
  private static void copySorted(Path from, Path to, Configuration conf) throws IOException {
    FileSystem fs = from.getFileSystem(conf);
    if (!fs.exists(from)) {
      if (fs.exists(to)) {
        return;
      }
      throw new IOException("neither " + from + " nor " + to + " exists");
    }
    // Not ending in .parquet and starting with _, so no reader or hash takes it for a shard.
    Path temporary = new Path(to.getParent(), "_" + to.getName() + "." + UUID.randomUUID() + ".tmp");
    long length = fs.getFileStatus(from).getLen();
    try (FSDataInputStream in = fs.open(from); OutputStream out = fs.create(temporary, false)) {
      ParquetFooter.copySorted(in, length, out);
    }
    if (!fs.exists(to) && !fs.rename(temporary, to)) {
      throw new IOException("cannot rename " + temporary + " to " + to);
    }
    fs.delete(temporary, false);
    fs.delete(from, false);
  }

  private static Map<String, String> settings(Configuration conf) {
    Map<String, String> settings = new HashMap<>();
    conf.forEach(entry -> settings.put(entry.getKey(), entry.getValue()));
    return settings;
  }

  /** Measures and hashes every shard file of {@code dir}. */
  public static Written measure(SparkSession spark, String dir) {
    Dataset<Row> rows = spark.read().parquet(dir).withColumn("file", input_file_name());
    Map<String, long[]> perFile = new HashMap<>();
    rows.groupBy("file").agg(org.apache.spark.sql.functions.count(col("padding")),
            org.apache.spark.sql.functions.expr("coalesce(sum(cast(element_at(boundaries, -1) as long)), 0)"),
            org.apache.spark.sql.functions.expr("coalesce(sum(cast(padding as long)), 0)"))
        .collectAsList().forEach(r -> perFile.put(new Path(r.getString(0)).getName(),
            new long[] {r.getLong(1), r.getLong(2), r.getLong(3)}));
    Map<String, long[]> sources = new TreeMap<>();
    rows.selectExpr("boundaries", "posexplode(sources) as (part, source)")
        .selectExpr("source", "element_at(boundaries, part + 2) - element_at(boundaries, part + 1) as tokens")
        .groupBy("source").agg(org.apache.spark.sql.functions.expr("sum(cast(tokens as long))"),
            org.apache.spark.sql.functions.count(col("tokens")))
        .collectAsList().forEach(r -> sources.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)}));
    List<ShardFile> shards = new ArrayList<>();
    for (Map.Entry<String, String[]> file : hashes(spark, dir).entrySet()) {
      long[] m = perFile.getOrDefault(file.getKey(), new long[3]);
      shards.add(new ShardFile(file.getKey(), m[0], m[1], m[2], Long.parseLong(file.getValue()[0]),
          file.getValue()[1]));
    }
    return new Written(List.copyOf(shards), sources);
  }

  /** Size and SHA-256 of each {@code .parquet} file of {@code dir}, by name, computed by the executors. */
  private static Map<String, String[]> hashes(SparkSession spark, String dir) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> files = new ArrayList<>();
    try {
      Path folder = new Path(dir);
      for (FileStatus status : folder.getFileSystem(conf).listStatus(folder)) {
        if (status.getPath().getName().endsWith(".parquet")) {
          files.add(status.getPath().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    Map<String, String> settings = settings(conf);
    Map<String, String[]> out = new TreeMap<>();
    if (files.isEmpty()) {
      return out;
    }
    JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(files, files.size())
        .map(file -> new String[] {new Path(file).getName(), Long.toString(size(file, settings)),
            sha256(file, settings)})
        .collect().forEach(r -> out.put(r[0], new String[] {r[1], r[2]}));
    return out;
  }

  private static Configuration rebuild(Map<String, String> settings) {
    Configuration conf = new Configuration(false);
    settings.forEach(conf::set);
    return conf;
  }

  private static long size(String file, Map<String, String> settings) throws IOException {
    Path path = new Path(file);
    return path.getFileSystem(rebuild(settings)).getFileStatus(path).getLen();
  }

  private static String sha256(String file, Map<String, String> settings) throws IOException {
    Path path = new Path(file);
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = path.getFileSystem(rebuild(settings)).open(path)) {
      byte[] buffer = new byte[1 << 20];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}

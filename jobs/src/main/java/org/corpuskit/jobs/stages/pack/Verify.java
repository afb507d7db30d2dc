package org.corpuskit.jobs.stages.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.pack.SequenceCheck;
import org.corpuskit.tokenize.Tokenizer;
import org.corpuskit.tokenize.Tokenizers;

/**
 * Reads a pack stage's output back and checks it against its manifest: the shard files are exactly those
 * listed, each with the size, SHA-256, rows and tokens recorded; the tokens per source add up; every row passes
 * {@link SequenceCheck}; and the tokenizer named still has the checksum recorded. A few sequences are decoded
 * back to text for a person to read.
 */
public final class Verify {
  private static final int PROBLEMS_SHOWN = 10;

  private Verify() {}

  /**
   * What verification found.
   *
   * @param problems what is wrong, empty when the shards are sound
   * @param lines what was checked, and the decoded samples
   */
  public record Result(List<String> problems, List<String> lines) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Verifies the shards of {@code dir}: a pack folder with manifest.json, or a run's work directory. */
  public static Result verify(SparkSession spark, String dir, int samples) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path folder = packFolder(new Path(dir), conf);
    JsonNode manifest = Manifest.read(read(new Path(folder, "manifest.json"), conf),
        new Path(folder, "manifest.json").toString());
    List<String> problems = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    String shardsDir = new Path(folder, "shards").toString();
    Shards.Written written = Shards.measure(spark, shardsDir);
    Map<String, Shards.ShardFile> found = new TreeMap<>();
    written.shards().forEach(s -> found.put("shards/" + s.file(), s));
    TreeSet<String> listed = new TreeSet<>();
    for (JsonNode shard : manifest.path("shards")) {
      String file = shard.path("file").asText();
      listed.add(file);
      Shards.ShardFile actual = found.get(file);
      if (actual == null) {
        problems.add(file + ": listed in the manifest but missing");
        continue;
      }
      compare(problems, file + ": bytes", shard.path("bytes").asLong(), actual.bytes());
      if (!shard.path("sha256").asText().equals(actual.sha256())) {
        problems.add(file + ": SHA-256 is " + actual.sha256() + ", the manifest says " + shard.path("sha256").asText());
      }
      compare(problems, file + ": rows", shard.path("rows").asLong(), actual.rows());
      compare(problems, file + ": tokens", shard.path("tokens").asLong(), actual.tokens());
    }
    found.keySet().stream().filter(f -> !listed.contains(f))
        .forEach(f -> problems.add(f + ": a shard the manifest does not list"));
    compare(problems, "sequences", manifest.path("sequences").asLong(), written.rows());
    compare(problems, "tokens", manifest.path("tokens").asLong(), written.tokens());
    compare(problems, "padding", manifest.path("padding").asLong(), written.padding());
    TreeSet<String> sources = new TreeSet<>(written.sources().keySet());
    manifest.path("sources").fieldNames().forEachRemaining(sources::add);
    for (String source : sources) {
      long[] actual = written.sources().getOrDefault(source, new long[2]);
      compare(problems, "source " + source + ": tokens", manifest.path("sources").path(source).path("tokens")
          .asLong(), actual[0]);
    }
    JsonNode tokenizer = manifest.path("tokenizer");
    String spec = tokenizer.path("spec").asText();
    String checksum = Tokenizers.checksum(spec);
    if (!checksum.equals(tokenizer.path("checksum").asText())) {
      problems.add("tokenizer " + spec + " has checksum " + checksum + ", the shards were made with "
          + tokenizer.path("checksum").asText());
    }
    SequenceCheck check = new SequenceCheck(manifest.path("seq_len").asInt(), tokenizer.path("eos").asInt(),
        tokenizer.path("bos").asInt(), tokenizer.path("pad").asInt(),
        manifest.path("strategy").asText().equals("best-fit"));
    List<String> rowProblems = rowProblems(spark, shardsDir, check);
    problems.addAll(rowProblems);
    lines.add(String.format("%d shard file%s, %,d sequence%s of %d tokens, %,d document tokens, %,d padding: "
        + "sizes, SHA-256, rows, tokens per shard and per source checked; every row checked", found.size(),
        found.size() == 1 ? "" : "s", written.rows(), written.rows() == 1 ? "" : "s", manifest.path("seq_len").asInt(),
        written.tokens(), written.padding()));
    if (checksum.equals(tokenizer.path("checksum").asText())) {
      lines.addAll(decoded(spark, shardsDir, spec, samples));
    }
    return new Result(List.copyOf(problems), List.copyOf(lines));
  }

  private static void compare(List<String> problems, String what, long expected, long actual) {
    if (expected != actual) {
      problems.add(String.format("%s: %,d, the manifest says %,d", what, actual, expected));
    }
  }

  /** The first problems of the rows, with the file they are in; the rows are checked on the executors. */
  private static List<String> rowProblems(SparkSession spark, String shardsDir, SequenceCheck check) {
    Dataset<Row> rows = spark.read().parquet(shardsDir)
        .selectExpr("input_file_name() as file", "input_ids", "boundaries", "size(sources)", "size(doc_ids)",
            "padding");
    Dataset<String> problems = rows.mapPartitions((MapPartitionsFunction<Row, String>) it -> {
      List<String> out = new ArrayList<>();
      long bad = 0;
      while (it.hasNext()) {
        Row row = it.next();
        List<String> found = check.problems(ints(row.getList(1)), ints(row.getList(2)), row.getInt(3),
            row.getInt(4), row.getInt(5));
        if (!found.isEmpty()) {
          bad++;
          if (out.size() < PROBLEMS_SHOWN) {
            out.add(new Path(row.getString(0)).getName() + ": a row " + String.join("; ", found));
          }
        }
      }
      if (bad > out.size()) {
        out.add((bad - out.size()) + " more rows with problems in this part");
      }
      return out.iterator();
    }, Encoders.STRING());
    return problems.collectAsList();
  }

  private static List<String> decoded(SparkSession spark, String shardsDir, String spec, int samples) {
    List<String> lines = new ArrayList<>();
    if (samples <= 0) {
      return lines;
    }
    try (Tokenizer tokenizer = Tokenizers.open(spec)) {
      Iterator<Row> rows = spark.read().parquet(shardsDir).select("input_ids", "boundaries", "sources")
          .limit(samples).toLocalIterator();
      while (rows.hasNext()) {
        Row row = rows.next();
        int[] ids = ints(row.getList(0));
        int[] boundaries = ints(row.getList(1));
        // A row's first part may begin inside a document (and a character); the second begins one.
        int part = boundaries.length > 2 ? 1 : 0;
        int end = Math.min(boundaries[part + 1], boundaries[part] + 64);
        String text = tokenizer.decode(java.util.Arrays.copyOfRange(ids, boundaries[part], end));
        lines.add(String.format("sample (%s, part %d of %d): %s", row.getList(2).get(part), part + 1,
            boundaries.length - 1, readable(text)));
      }
    }
    return lines;
  }

  /**
   * A decoded piece as one line: a piece cut from the middle of a document may begin or end inside a
   * character, which decodes to U+FFFD; those ends are left out, so the sample starts and ends on whole ones.
   */
  static String readable(String decoded) {
    return decoded.replaceAll("\\s+", " ").replaceAll("^\uFFFD+|\uFFFD+$", "").strip();
  }

  private static int[] ints(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static Path packFolder(Path dir, Configuration conf) {
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (fs.exists(new Path(dir, "manifest.json"))) {
        return dir;
      }
      Path pack = new Path(dir, PackStage.NAME);
      if (fs.exists(new Path(pack, "manifest.json"))) {
        return pack;
      }
      throw new UsageException(dir + ": no manifest.json here or in " + pack + "; give the pack "
          + "stage's folder or the run's --out");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }

  private static String read(Path file, Configuration conf) {
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

package org.corpuskit.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.sample.BenchCrawl;

/** The real pages {@code corpus-tools measure run} copies, and the crawl it makes of them. */
final class RealPages {
  private RealPages() {}

  /** Every .html, .htm and .html.gz file under {@code dirs}, in path order, as bytes. */
  static List<byte[]> read(List<Path> dirs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new UsageException("--pages " + dir + ": no such folder");
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(f -> f.toString().matches("(?i).*\\.(html?|html\\.gz)$")).sorted().forEach(files::add);
      }
    }
    if (files.isEmpty()) {
      throw new UsageException("--pages " + dirs + ": no .html, .htm or .html.gz files");
    }
    List<byte[]> pages = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
          : Files.newInputStream(file)) {
        pages.add(in.readAllBytes());
      }
    }
    return pages;
  }

  /**
   * Writes {@code files} archive files of {@code bytes} compressed bytes in all into {@code dir}, one Spark task
   * per file, then {@code _COMPLETE}.
   */
  static void writeCrawl(SparkSession spark, List<byte[]> pages, Path dir, int files, long bytes)
      throws IOException {
    Files.createDirectories(dir);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<List<byte[]>> shared = context.broadcast(pages);
    String folder = dir.toAbsolutePath().toString();
    long perFile = bytes / files;
    context.parallelize(IntStream.range(0, files).boxed().toList(), files).foreach(file -> {
      Path target = Path.of(folder, String.format("bench-%05d.warc.gz", file));
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
        BenchCrawl.write(out, shared.value(), file, perFile);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target, e);
      }
    });
    Files.writeString(dir.resolve("_COMPLETE"), "");
  }
}

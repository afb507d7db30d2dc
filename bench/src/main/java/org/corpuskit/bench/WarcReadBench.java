package org.corpuskit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.corpuskit.archive.ArchiveReader;
import org.corpuskit.archive.ReadEvent;
import org.corpuskit.archive.ReaderConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a WARC.gz into page events against its baseline, plainly inflating the same file with
 * {@code GZIPInputStream} and 64 KiB buffers, in the same run. The file is a real Common Crawl excerpt from
 * ../shared/data, or the path given with -p file=...
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class WarcReadBench {
  @Param({""})
  public String file;

  private Path path;

  @Setup(Level.Trial)
  public void locate() {
    path = file.isEmpty()
        ? Path.of(System.getProperty("corpus.shared.data", "../shared/data"), "warc/aut/example.warc.gz")
        : Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("no WARC at " + path + "; pass -p file=/path/to/file.warc.gz");
    }
  }

  @Benchmark
  public long baselineGzipInflate() throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 64 * 1024)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
      }
    }
    return total;
  }

  @Benchmark
  public void archiveReaderEvents(Blackhole sink) throws IOException {
    try (ArchiveReader reader = new ArchiveReader(path.toString(), FileChannel.open(path, StandardOpenOption.READ),
        ReaderConfig.DEFAULTS)) {
      for (Optional<ReadEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
        sink.consume(event.get());
      }
    }
  }
}

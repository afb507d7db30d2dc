package org.corpuskit.jobs.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.sample.SampleCrawl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Writes the embedded sample crawl (a WARC and benchmark.jsonl) into a directory.")
final class SampleCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "DIR", description = "Directory to write into.")
  Path dir;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory to write into, as DIR.")
  Path out;

  @Option(names = "--two-crawls", description = "Writes the pages as two crawls, CC-MAIN-2024-22 and "
      + "CC-MAIN-2024-26, one WARC each, to try corpus refresh on: near duplicates across them, exact ones within.")
  boolean twoCrawls;

  @Override
  public Integer call() throws IOException {
    if ((dir == null) == (out == null)) {
      throw new UsageException("name the directory to write into once: corpus sample DIR");
    }
    Path into = dir != null ? dir : out;
    if (twoCrawls) {
      for (Path warc : SampleCrawl.writeCrawls(into)) {
        System.out.println(warc);
      }
      System.out.println(into.resolve(SampleCrawl.BENCHMARK_NAME));
      return 0;
    }
    SampleCrawl.Written written = SampleCrawl.write(into);
    System.out.printf("%s (%d pages)%n%s%n", written.warc(), written.pages(), written.benchmark());
    return 0;
  }
}

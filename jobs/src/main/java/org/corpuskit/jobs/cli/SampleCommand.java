package org.corpuskit.jobs.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corpuskit.sample.SampleCrawl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Writes the embedded sample crawl (a WARC and benchmark.jsonl) into a directory.")
final class SampleCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
  Path out;

  @Override
  public Integer call() throws IOException {
    SampleCrawl.Written written = SampleCrawl.write(out);
    System.out.printf("%s (%d pages)%n%s%n", written.warc(), written.pages(), written.benchmark());
    return 0;
  }
}

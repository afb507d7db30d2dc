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

  @Option(names = "--bad-inputs", description = "Writes the bad-input corpus instead: over a hundred archives "
      + "broken in known ways (truncated, bit flips, wrong lengths, absurd headers, gzip bombs, a 200 MB record "
      + "with --large), listed in cases.jsonl with the records each must keep, to try a deployment on.")
  boolean badInputs;

  @Option(names = "--large", description = "With --bad-inputs: adds the 200 MB record.")
  boolean large;

  @Override
  public Integer call() throws IOException {
    if ((dir == null) == (out == null)) {
      throw new UsageException("name the directory to write into once: corpus sample DIR");
    }
    Path into = dir != null ? dir : out;
    if (badInputs) {
      java.util.List<org.corpuskit.sample.BadInputCorpus.Case> cases = org.corpuskit.sample.BadInputCorpus.write(into,
          large);
      System.out.printf("%d broken archives in %s, listed in %s%n", cases.size(), into,
          into.resolve(org.corpuskit.sample.BadInputCorpus.CASES));
      return 0;
    }
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

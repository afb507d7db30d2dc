package org.corpuskit.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpuskit.eval.ExtractionEval;
import org.corpuskit.eval.GoldSet;
import org.corpuskit.extract.MainContentExtractor;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Main-content extraction against its baseline, a bare jsoup parse plus {@code body().text()}, on the same
 * pages in the same run: the article-extraction-benchmark's 181 pages (about 170 KB of HTML each). Each
 * invocation processes every page once, so ops/s times 181 is pages per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ExtractionBench {
  private List<String> pages;
  private final MainContentExtractor extractor = new MainContentExtractor();

  @Setup(Level.Trial)
  public void load() {
    Path gold = Path.of(System.getProperty("corpus.shared.data", "../shared/data"),
        "extraction/article-extraction-benchmark");
    pages = GoldSet.load(gold).pages().stream().map(ExtractionEval::readHtml).toList();
  }

  @Benchmark
  public void baselineJsoupParseAndBodyText(Blackhole sink) {
    for (String html : pages) {
      sink.consume(Jsoup.parse(html).body().text());
    }
  }

  @Benchmark
  public void mainContentExtraction(Blackhole sink) {
    for (String html : pages) {
      sink.consume(extractor.extract(html, "").text());
    }
  }
}

package org.corpuskit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.corpuskit.eval.LanguageEval;
import org.corpuskit.eval.UdhrLabels;
import org.corpuskit.eval.UdhrParagraph;
import org.corpuskit.lang.LanguageIdentifier;
import org.jsoup.Jsoup;
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
 * Our language identifier against its baseline, Lingua 1.2.2 in low-accuracy mode ({@link LinguaLowAccuracy}),
 * on the same texts in the same run. {@code paragraphs}: every eighth UDHR paragraph of 200 characters or more
 * in a language both support, each identified on its own (the eval's texts; ours reads all of each).
 * {@code declarations}: ten whole declarations (jsoup body text, about 11 KB each), where ours judges the first
 * 2,000 letters and Lingua the whole text. Each invocation identifies every text once, so ops/s times the UTF-8
 * size printed at setup is bytes per second. Lingua spreads each call over ForkJoinPool.commonPool, so it may
 * use more than the benchmark's one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class LanguageIdBench {
  private static final List<String> DECLARATIONS =
      List.of("eng", "deu_1996", "fra", "spa", "rus", "pol", "tur", "vie", "arb", "hin");

  @Param({"paragraphs", "declarations"})
  public String texts;

  private List<String> inputs;
  private LanguageIdentifier ours;
  private LinguaLowAccuracy lingua;

  @Setup(Level.Trial)
  public void load() {
    Path udhr = Path.of(System.getProperty("corpus.shared.data", "../shared/data"), "lang/udhr");
    ours = LanguageIdentifier.ofAllLanguages();
    lingua = new LinguaLowAccuracy();
    if (texts.equals("paragraphs")) {
      List<UdhrParagraph> paragraphs = LanguageEval.paragraphs(udhr, LanguageEval.MIN_CHARS, Integer.MAX_VALUE)
          .stream().filter(p -> ours.languages().contains(UdhrLabels.language(p.iso6393()))).toList();
      inputs = IntStream.range(0, paragraphs.size()).filter(i -> i % 8 == 0)
          .mapToObj(i -> paragraphs.get(i).text()).toList();
    } else {
      inputs = DECLARATIONS.stream().map(code -> bodyText(udhr.resolve("declaration/" + code + ".html"))).toList();
    }
    long bytes = inputs.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.printf("%n%s: %d texts, %d UTF-8 bytes%n", texts, inputs.size(), bytes);
  }

  private static String bodyText(Path file) {
    try {
      return Jsoup.parse(Files.readString(file)).body().text();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + "; pass -Dcorpus.shared.data=...", e);
    }
  }

  @Benchmark
  public void baselineLinguaLowAccuracy(Blackhole sink) {
    for (String text : inputs) {
      sink.consume(lingua.language(text));
    }
  }

  @Benchmark
  public void languageIdentifier(Blackhole sink) {
    for (String text : inputs) {
      sink.consume(ours.identify(text));
    }
  }
}

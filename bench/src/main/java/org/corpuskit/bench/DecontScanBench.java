package org.corpuskit.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.corpuskit.decontaminate.NGramIndex;
import org.corpuskit.decontaminate.Tokens;
import org.corpuskit.eval.GoldPage;
import org.corpuskit.eval.GoldSet;
import org.corpuskit.sample.SyntheticText;
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
 * The decontamination scan on one thread: documents split into tokens and probed at every position against an
 * index of {@value #ITEMS} test items (synthetic question-and-answer texts of 40 to 160 words; one in ten is a
 * short one of 8 to 12, so that several n-gram lengths are probed, as with real benchmarks). {@code tokens} is
 * the splitting alone, the baseline in the same run; {@code scan} is what the stage does per document.
 * Documents are real news articles (the article-extraction-benchmark's gold text, ../shared/data) or
 * {@link SyntheticText}; one in ten quotes an item. The {@code bytes} counter is UTF-8 bytes scanned per
 * second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class DecontScanBench {
  static final int ITEMS = 100_000;

  @Param({"articles", "synthetic"})
  public String documents;

  private final Tokens tokens = new Tokens();
  private NGramIndex index;
  private String[] texts;
  private long[] sizes;

  @Setup(Level.Trial)
  public void build() {
    SyntheticText words = new SyntheticText(7);
    SplittableRandom random = new SplittableRandom(7);
    NGramIndex.Builder builder = new NGramIndex.Builder(13, 8, 20_000_000, 0.01);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      int length = i % 10 == 0 ? 8 + random.nextInt(5) : 40 + random.nextInt(121);
      StringBuilder item = new StringBuilder();
      for (int w = 0; w < length; w++) {
        item.append(w == 0 ? "" : " ").append(words.word(random));
      }
      items.add(item.append('?').toString());
      builder.add(tokens.of(items.get(i)));
    }
    index = builder.build();
    List<String> docs = new ArrayList<>();
    if (documents.equals("articles")) {
      Path gold = Path.of(System.getProperty("corpus.shared.data", "../shared/data"))
          .resolve("extraction/article-extraction-benchmark");
      GoldSet.load(gold).pages().stream().map(GoldPage::body).forEach(docs::add);
    } else {
      SyntheticText text = new SyntheticText(1);
      for (int i = 0; i < 200; i++) {
        docs.add(text.document(i, 5_000));
      }
    }
    texts = new String[docs.size()];
    sizes = new long[docs.size()];
    long total = 0;
    for (int i = 0; i < texts.length; i++) {
      String doc = docs.get(i);
      texts[i] = i % 10 == 0 ? doc + "\n\n" + items.get(i * 31 % ITEMS) : doc;
      sizes[i] = texts[i].getBytes(StandardCharsets.UTF_8).length;
      total += sizes[i];
    }
    System.out.printf("%nindex: %d n-grams, %s, %.1f MB, lengths %s; %d documents, %d UTF-8 bytes%n",
        index.count(), index.kind(), index.bytes() / 1e6, java.util.Arrays.toString(index.lengths()), texts.length,
        total);
  }

  @Benchmark
  public void tokens(ByteCounter counter, Blackhole out) {
    for (int i = 0; i < texts.length; i++) {
      out.consume(tokens.of(texts[i]).count());
      counter.bytes += sizes[i];
    }
  }

  @Benchmark
  public void scan(ByteCounter counter, Blackhole out) {
    for (int i = 0; i < texts.length; i++) {
      index.scan(tokens.of(texts[i]), (from, length, fingerprint) -> out.consume(fingerprint));
      counter.bytes += sizes[i];
    }
  }
}

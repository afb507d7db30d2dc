package org.corpuskit.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.corpuskit.eval.GoldPage;
import org.corpuskit.eval.GoldSet;
import org.corpuskit.pack.ChunkPacker;
import org.corpuskit.tokenize.TiktokenTokenizer;
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
 * Tokenizing and packing on one thread, against bare jtokkit in the same run: the 181 real news articles of the
 * article-extraction-benchmark (../shared/data), cl100k_base and o200k_base. {@code jtokkit} is
 * {@code encodeOrdinary} alone, the baseline; {@code encode} is our tokenizer alone (our own encoder, the same
 * ids); {@code tokenizeAndPack} is what the pack stage does per document: encode, then cut into 2,048-token
 * sequences with EOS and boundaries. The {@code bytes} counter is UTF-8 bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class TokenizePackBench {
  @Param({"cl100k_base", "o200k_base"})
  public String encoding;

  private Encoding jtokkit;
  private TiktokenTokenizer tokenizer;
  private String[] texts;
  private long[] sizes;

  @Setup(Level.Trial)
  public void load() {
    jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.fromName(encoding).orElseThrow());
    tokenizer = TiktokenTokenizer.builtIn(encoding);
    Path gold = Path.of(System.getProperty("corpus.shared.data", "../shared/data"))
        .resolve("extraction/article-extraction-benchmark");
    texts = GoldSet.load(gold).pages().stream().map(GoldPage::body).toArray(String[]::new);
    sizes = new long[texts.length];
    for (int i = 0; i < texts.length; i++) {
      sizes[i] = texts[i].getBytes(StandardCharsets.UTF_8).length;
    }
  }

  @Benchmark
  public void jtokkit(ByteCounter counter, Blackhole out) {
    for (int i = 0; i < texts.length; i++) {
      out.consume(jtokkit.encodeOrdinary(texts[i]));
      counter.bytes += sizes[i];
    }
  }

  @Benchmark
  public void encode(ByteCounter counter, Blackhole out) {
    for (int i = 0; i < texts.length; i++) {
      out.consume(tokenizer.encode(texts[i]));
      counter.bytes += sizes[i];
    }
  }

  @Benchmark
  public void tokenizeAndPack(ByteCounter counter, Blackhole out) {
    ChunkPacker packer = new ChunkPacker(2048, tokenizer.eos().getAsInt(), -1, 0, out::consume);
    for (int i = 0; i < texts.length; i++) {
      packer.add(tokenizer.encode(texts[i]), "web", "doc");
      counter.bytes += sizes[i];
    }
    out.consume(packer.finish(true));
  }
}

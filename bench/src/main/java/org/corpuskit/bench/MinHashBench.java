package org.corpuskit.bench;

import java.util.concurrent.TimeUnit;
import org.corpuskit.dedup.MinHash;
import org.corpuskit.dedup.Shingles;
import org.corpuskit.sample.SyntheticText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * MinHash signatures at FineWeb's 14 × 8 = 112 permutations on {@value #DOCS} documents of 5,000 characters
 * of {@link SyntheticText} (about 800 words each). One operation is one document, so the score is documents
 * per second on one thread. {@code signature} is the permutation loop alone, on shingles hashed beforehand;
 * {@code shinglesAndSignature} is what the dedup stage does per document: split and normalise the words, hash
 * the 5-grams, then sign; {@code shingles} is the first half alone, for the difference.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class MinHashBench {
  static final int DOCS = 200;

  private final MinHash minHash = new MinHash(14, 8, 42);
  private final Shingles shingles = new Shingles(Shingles.Unit.WORDS, 5, 0);
  private String[] texts;
  private long[][] hashed;

  @Setup(Level.Trial)
  public void generate() {
    SyntheticText generator = new SyntheticText(1);
    texts = new String[DOCS];
    hashed = new long[DOCS][];
    long shingleCount = 0;
    for (int i = 0; i < DOCS; i++) {
      texts[i] = generator.document(i, 5_000);
      hashed[i] = shingles.of(texts[i], "en");
      shingleCount += hashed[i].length;
    }
    System.out.printf("%n%d documents, %d shingles on average%n", DOCS, shingleCount / DOCS);
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void signature(Blackhole out) {
    for (long[] doc : hashed) {
      out.consume(minHash.signature(doc));
    }
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void shingles(Blackhole out) {
    for (String text : texts) {
      out.consume(shingles.of(text, "en"));
    }
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void shinglesAndSignature(Blackhole out) {
    for (String text : texts) {
      out.consume(minHash.bandKeys(minHash.signature(shingles.of(text, "en"))));
    }
  }
}

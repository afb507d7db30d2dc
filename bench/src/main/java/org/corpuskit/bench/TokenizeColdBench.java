package org.corpuskit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpuskit.eval.GoldPage;
import org.corpuskit.eval.GoldSet;
import org.corpuskit.tokenize.Tokenizer;
import org.corpuskit.tokenize.Tokenizers;
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
 * One pass over 4.8 MB of text with a tokenizer opened for it (cl100k_base's rank file), so that our cl100k
 * encoder's cache of merged pieces starts empty, as in a task's first documents: GSM8K's training problems and
 * the article-extraction-benchmark's articles (all from ../shared/data), against jtokkit over the same pass. The
 * JIT is warm from the earlier passes; the cache is not. Milliseconds per pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class TokenizeColdBench {
  private final Encoding jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  private List<String> texts;
  private String rankFile;
  private Tokenizer fresh;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path shared = Path.of(System.getProperty("corpus.shared.data", "../shared/data"));
    rankFile = "tiktoken:" + shared.resolve("tokenizers/tiktoken-bpe/cl100k_base.tiktoken") + ":cl100k_base";
    texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(shared.resolve("benchmarks/gsm8k/train.jsonl"))) {
      JsonNode problem = json.readTree(line);
      texts.add(problem.get("question").asText() + "\n" + problem.get("answer").asText());
    }
    GoldSet.load(shared.resolve("extraction/article-extraction-benchmark")).pages().stream().map(GoldPage::body)
        .forEach(texts::add);
  }

  /** From the rank file, not the built-in encoding, which is loaded once per JVM and shared. */
  @Setup(Level.Invocation)
  public void open() {
    fresh = Tokenizers.open(rankFile);
  }

  @Benchmark
  public void jtokkit(Blackhole out) {
    for (String text : texts) {
      out.consume(jtokkit.encodeOrdinary(text));
    }
  }

  @Benchmark
  public void ours(Blackhole out) {
    for (String text : texts) {
      out.consume(fresh.encode(text));
    }
  }
}

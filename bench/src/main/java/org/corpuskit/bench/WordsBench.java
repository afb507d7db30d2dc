package org.corpuskit.bench;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.corpuskit.text.Words;
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

/**
 * Word splitting against its baseline, a whitespace split of the same text, in the same run. The text is the
 * Universal Declaration of Human Rights from ../shared/data/lang/udhr: English, German, Russian and Arabic
 * ({@code spaced}), or Chinese, Japanese and Thai ({@code unspaced}), where ICU uses its dictionaries and the
 * whitespace split finds almost nothing. Each invocation splits the whole text once, so ops/s times its UTF-8
 * size (printed at setup) is bytes per second. State is per thread because a {@link Words} is.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class WordsBench {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  @Param({"spaced", "unspaced"})
  public String scripts;

  private String text;
  private Words words;

  @Setup(Level.Trial)
  public void load() {
    List<String> declarations = scripts.equals("spaced")
        ? List.of("eng", "deu_1996", "rus", "arb")
        : List.of("cmn_hans", "jpn", "tha");
    Path dir = Path.of(System.getProperty("corpus.shared.data", "../shared/data"), "lang/udhr/declaration");
    text = declarations.stream().map(code -> bodyText(dir.resolve(code + ".html"))).collect(Collectors.joining("\n"));
    words = new Words(ULocale.ROOT);
    System.out.printf("%n%s: %d UTF-8 bytes, %d words%n", scripts,
        text.getBytes(StandardCharsets.UTF_8).length, words.split(text).size());
  }

  private static String bodyText(Path file) {
    try {
      return Jsoup.parse(Files.readString(file)).body().text();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + "; pass -Dcorpus.shared.data=...", e);
    }
  }

  @Benchmark
  public String[] baselineWhitespaceSplit() {
    return WHITESPACE.split(text);
  }

  @Benchmark
  public List<String> wordsSplit() {
    return words.split(text);
  }

  @Benchmark
  public int wordsCursorOffsets() {
    Words.Cursor cursor = words.cursor(text);
    int total = 0;
    while (cursor.next()) {
      total += cursor.end() - cursor.start();
    }
    return total;
  }
}

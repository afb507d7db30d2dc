package org.corpuskit.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.archive.ReaderConfig;
import org.corpuskit.eval.ExtractionEval;
import org.corpuskit.eval.GoldSet;
import org.corpuskit.eval.Scores;
import org.corpuskit.extract.Extraction;
import org.corpuskit.extract.HtmlFiles;
import org.corpuskit.extract.MainContentExtractor;
import org.corpuskit.sample.SampleCrawl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code corpus} command line. */
@Command(name = "corpus", mixinStandardHelpOptions = true, version = "corpus 0.1.0",
    description = "Turns web archives (Common Crawl WARC/WET/ARC) into LLM pre-training data with Spark.",
    subcommands = {Corpus.Run.class, Corpus.Extract.class, Corpus.ExtractHtml.class, Corpus.Sample.class,
        Corpus.Eval.class})
public final class Corpus {
  private Corpus() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs one command line and returns its exit code: 0 done, 1 failed, 2 usage error, 3 counts off. */
  static int execute(String... args) {
    return new CommandLine(new Corpus()).execute(args);
  }

  /** Options shared by the commands that run Spark. */
  static final class SparkOptions {
    @Option(names = "--master", description = "Spark master when not launched by spark-submit (default: ${DEFAULT-VALUE}).",
        defaultValue = "local[*]")
    String master;

    @Option(names = "--source", description = "Source label written into every document (default: ${DEFAULT-VALUE}).",
        defaultValue = "common-crawl")
    String source;

    @Option(names = "--cc-base", description = "Base for relative lines of path listings (default: ${DEFAULT-VALUE}).",
        defaultValue = Inputs.COMMON_CRAWL_BASE)
    String ccBase;

    @Option(names = "--max-files", description = "Read only the first N files of the sorted input (0: all).",
        defaultValue = "0")
    int maxFiles;

    @Option(names = "--max-payload-mb", description = "Payload megabytes kept per record (default: ${DEFAULT-VALUE}).",
        defaultValue = "8")
    int maxPayloadMb;

    @Option(names = "--max-depth", description = "Deepest HTML nesting parsed (default: ${DEFAULT-VALUE}).",
        defaultValue = "512")
    int maxDepth;

    ExtractJob.Options jobOptions(List<String> inputs, String out) {
      ReaderConfig reader = new ReaderConfig(maxPayloadMb << 20, ReaderConfig.DEFAULTS.maxResyncScanBytes());
      return new ExtractJob.Options(inputs, out, source, ccBase, maxFiles, reader, maxDepth);
    }

    SparkSession session(String appName) {
      SparkSession.Builder builder = SparkSession.builder().appName(appName);
      if (System.getProperty("spark.master") == null) {
        builder.master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8");
      }
      return builder.getOrCreate();
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Runs the pipeline. With no --input it runs on the embedded sample crawl, written under OUT/sample.")
  static final class Run implements Callable<Integer> {
    @Option(names = "--input", description = "Archive files, directories, globs or path listings (repeatable).")
    List<String> inputs;

    @Option(names = "--crawl", description = "A Common Crawl crawl such as CC-MAIN-2024-22: reads its warc.paths.gz.")
    String crawl;

    @Option(names = "--out", description = "Output directory (default: ${DEFAULT-VALUE}).", defaultValue = "out")
    String out;

    @CommandLine.Mixin
    SparkMixin spark;

    @Override
    public Integer call() throws IOException {
      SparkOptions options = spark.options;
      List<String> resolved = inputs;
      if (crawl != null) {
        resolved = List.of(Inputs.crawlListing(crawl, "warc", options.ccBase));
      } else if (resolved == null || resolved.isEmpty()) {
        SampleCrawl.Written sample = SampleCrawl.write(Path.of(out, "sample"));
        System.out.println("No --input: running on the embedded sample, " + sample.warc());
        resolved = List.of(sample.warc().toString());
      }
      return runExtract(options, resolved, out);
    }
  }

  @Command(name = "extract", mixinStandardHelpOptions = true,
      description = "Reads archives into documents, rejected, errors and file_summaries Parquet under --out.")
  static final class Extract implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "Archive files, directories, globs or path listings.")
    List<String> inputs;

    @Option(names = "--out", required = true, description = "Output directory.")
    String out;

    @CommandLine.Mixin
    SparkMixin spark;

    @Override
    public Integer call() {
      return runExtract(spark.options, inputs, out);
    }
  }

  /** Carries {@link SparkOptions} into each command as a picocli mixin. */
  static final class SparkMixin {
    @CommandLine.ArgGroup(exclusive = false)
    SparkOptions options = new SparkOptions();
  }

  static int runExtract(SparkOptions options, List<String> inputs, String out) {
    ExtractJob.Options jobOptions = options.jobOptions(inputs, out);
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession session = options.session("corpus");
    try {
      long start = System.nanoTime();
      ExtractJob.Summary summary = ExtractJob.run(session, jobOptions);
      System.out.println(summary.describe());
      System.out.printf("written to %s (documents, rejected, errors, file_summaries) in %.1f s%n", out,
          (System.nanoTime() - start) / 1e9);
      return summary.addsUp() ? 0 : 3;
    } finally {
      if (ownSession) {
        session.stop();
      }
    }
  }

  @Command(name = "extract-html", mixinStandardHelpOptions = true,
      description = "Extracts the main text of HTML files; prints JSON lines {\"file\",\"title\",\"text\"}.")
  static final class ExtractHtml implements Callable<Integer> {
    @Option(names = "--url", description = "The pages' URL, for resolving relative links.", defaultValue = "")
    String url;

    @Parameters(arity = "1..*", description = "HTML files (.gz is un-gzipped).")
    List<Path> files;

    @Override
    public Integer call() {
      ObjectMapper json = new ObjectMapper();
      MainContentExtractor extractor = new MainContentExtractor();
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      int failures = 0;
      for (Path file : files) {
        ObjectNode line = json.createObjectNode().put("file", file.toString());
        try {
          Extraction extraction = extractor.extract(HtmlFiles.read(file), url);
          line.put("title", extraction.title()).put("text", extraction.text());
        } catch (UncheckedIOException e) {
          line.put("error", e.getCause().toString());
          failures++;
        }
        out.println(line);
      }
      return failures == 0 ? 0 : 1;
    }
  }

  @Command(name = "sample", mixinStandardHelpOptions = true,
      description = "Writes the embedded sample crawl (a WARC and benchmark.jsonl) into a directory.")
  static final class Sample implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Directory to write into.")
    Path out;

    @Override
    public Integer call() throws IOException {
      SampleCrawl.Written written = SampleCrawl.write(out);
      System.out.printf("%s (%d pages)%n%s%n", written.warc(), written.pages(), written.benchmark());
      return 0;
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluations.",
      subcommands = {Eval.Extraction.class})
  static final class Eval {
    @Command(name = "extraction", mixinStandardHelpOptions = true,
        description = "Precision, recall and F1 of the extractor on a gold set (article-extraction-benchmark or "
            + "trafilatura evaldata format).")
    static final class Extraction implements Callable<Integer> {
      @Option(names = "--gold", required = true, description = "The gold set's folder or JSON file.")
      Path gold;

      @Override
      public Integer call() {
        GoldSet set = GoldSet.load(gold);
        long start = System.nanoTime();
        Scores scores = new ExtractionEval(new MainContentExtractor()).score(set);
        System.out.printf("%s %s: pages %d (left out, no HTML: %d) precision %.3f recall %.3f F1 %.3f (%.1f s)%n",
            MainContentExtractor.VERSION, set.format(), scores.pages(), set.missing(), scores.precision(),
            scores.recall(), scores.f1(), (System.nanoTime() - start) / 1e9);
        return 0;
      }
    }
  }
}

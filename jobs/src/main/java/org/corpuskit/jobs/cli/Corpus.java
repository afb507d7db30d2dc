package org.corpuskit.jobs.cli;

import java.io.PrintWriter;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.corpuskit.jobs.config.ConfigException;
import org.corpuskit.jobs.config.Secrets;
import org.corpuskit.jobs.pipeline.CountsException;
import org.corpuskit.jobs.pipeline.Messages;
import org.corpuskit.jobs.pipeline.StageFailedException;
import org.corpuskit.jobs.pipeline.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code corpus} command line: only the list of commands, in {@link #commandLine}. Exit status: 0 done, 1 failed, 2 usage or
 * configuration error, 3 a stage's counts do not add up.
 */
@Command(name = "corpus", mixinStandardHelpOptions = true, version = "corpus 0.1.0",
    description = "Turns web archives (Common Crawl WARC/WET/ARC) into LLM pre-training data with Spark.")
public final class Corpus {
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int COUNTS = 3;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On failure, print the stack trace too.")
  boolean verbose;

  /**
   * Warnings Spark and Hadoop print on every run that ask nothing of the user (the host name resolves to a
   * loopback address, no native Hadoop library, a long plan shortened): shown with --verbose only.
   */
  private static final List<String> NOISY_LOGGERS = List.of("org.apache.spark.util.Utils",
      "org.apache.hadoop.util.NativeCodeLoader", "org.apache.spark.util.SparkStringUtils",
      "org.apache.spark.sql.catalyst.util.SparkStringUtils");

  public static void main(String[] args) {
    if (!List.of(args).contains("--verbose")) {
      NOISY_LOGGERS.forEach(logger -> Configurator.setLevel(logger, Level.ERROR));
    }
    System.exit(execute(args));
  }

  /** Runs one command line and returns its exit status. */
  public static int execute(String... args) {
    Corpus corpus = new Corpus();
    CommandLine commandLine = commandLine(corpus);
    // picocli answers --help before it looks at the command, so `corpus no-such-command --help` would print the
    // top-level help and succeed.
    String command = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    if (command != null && !commandLine.getSubcommands().containsKey(command)) {
      commandLine.getErr().println("corpus: no command '" + Messages.oneLine(command) + "'; the commands are "
          + String.join(", ", commandLine.getSubcommands().keySet()) + " (corpus --help)");
      commandLine.getErr().flush();
      return USAGE;
    }
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd, parsed, corpus.verbose));
    return commandLine.execute(args);
  }

  /**
   * Parses a command line as {@link #execute} does, without running it; picocli's ParameterException names an
   * unknown command or option, or a missing or bad value. Deployment files' command lines are checked with it.
   */
  public static void parse(String... args) {
    commandLine(new Corpus()).parseArgs(args);
  }

  /** The commands in the order help lists them: run, each stage alone, then the others. */
  private static CommandLine commandLine(Corpus corpus) {
    CommandLine line = new CommandLine(corpus);
    line.addSubcommand(Shorthand.addTo(new CommandLine(new RunCommand()), Shorthand.all()));
    line.addSubcommand(Shorthand.addTo(new CommandLine(new RefreshCommand()), Shorthand.all()));
    line.addSubcommand(new ReleasesCommand());
    Stages.alone().forEach(alone -> line.addSubcommand(StageCommand.of(alone)));
    CommandLine eval = new CommandLine(new EvalCommand());
    Shorthand.addTo(eval.getSubcommands().get("decontamination"), Shorthand.BENCHMARKS);
    for (Object command : List.of(new VerifyCommand(), Shorthand.addTo(new CommandLine(new ConfigCommand()),
        Shorthand.all()), new ExtractHtmlCommand(), new SampleCommand(), new ShowCommand(), new ExportCommand(),
        new ReportCommand(), eval, new TrainClassifierCommand())) {
      line.addSubcommand(command);
    }
    return line;
  }

  private static int report(Exception e, CommandLine cmd, ParseResult parsed, boolean verbose) {
    PrintWriter err = cmd.getErr();
    // A stage that failed is named; what it threw decides the exit status.
    Throwable cause = e instanceof StageFailedException && e.getCause() != null ? e.getCause() : e;
    String prefix = cmd.getCommandSpec().qualifiedName() + ": ";
    if (cause instanceof ConfigException || cause instanceof UsageException) {
      // A usage error may list several problems, one a line.
      e.getMessage().lines().forEach(line -> err.println((line.startsWith("  ") ? "  " : prefix)
          + Messages.oneLine(line)));
      return USAGE;
    }
    if (cause instanceof CountsException) {
      err.println(prefix + Messages.oneLine(e.getMessage()));
      return COUNTS;
    }
    err.println(prefix + (e instanceof StageFailedException ? "" : "failed: ") + Messages.describe(e)
        + (verbose ? "" : " (--verbose shows where)"));
    if (verbose) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(Secrets.scrub(trace.toString()));
      err.flush();
    }
    return FAILED;
  }
}

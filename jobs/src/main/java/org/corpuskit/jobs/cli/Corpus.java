package org.corpuskit.jobs.cli;

import java.io.PrintWriter;
import org.corpuskit.jobs.config.ConfigException;
import org.corpuskit.jobs.pipeline.CountsException;
import org.corpuskit.jobs.pipeline.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code corpus} command line: only the list of commands. Exit status: 0 done, 1 failed, 2 usage or
 * configuration error, 3 a stage's counts do not add up.
 */
@Command(name = "corpus", mixinStandardHelpOptions = true, version = "corpus 0.1.0",
    description = "Turns web archives (Common Crawl WARC/WET/ARC) into LLM pre-training data with Spark.",
    subcommands = {RunCommand.class, ExtractCommand.class, FilterCommand.class, DedupCommand.class,
        DecontaminateCommand.class, TokenizeCommand.class, MixCommand.class, PackCommand.class,
        VerifyCommand.class, ConfigCommand.class, ExtractHtmlCommand.class, SampleCommand.class, EvalCommand.class,
        TrainClassifierCommand.class, BenchCommand.class})
public final class Corpus {
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int COUNTS = 3;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On failure, print the stack trace too.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs one command line and returns its exit status. */
  public static int execute(String... args) {
    Corpus corpus = new Corpus();
    CommandLine commandLine = new CommandLine(corpus);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd, parsed, corpus.verbose));
    return commandLine.execute(args);
  }

  private static int report(Exception e, CommandLine cmd, ParseResult parsed, boolean verbose) {
    PrintWriter err = cmd.getErr();
    if (e instanceof ConfigException || e instanceof UsageException) {
      err.println("corpus " + cmd.getCommandName() + ": " + e.getMessage());
      return USAGE;
    }
    if (e instanceof CountsException) {
      err.println("corpus " + cmd.getCommandName() + ": " + e.getMessage());
      return COUNTS;
    }
    err.println("corpus " + cmd.getCommandName() + ": failed: " + e
        + (verbose ? "" : " (--verbose shows where)"));
    if (verbose) {
      e.printStackTrace(err);
    }
    return FAILED;
  }
}

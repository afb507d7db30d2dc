package org.corpuskit.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code corpus-tools}: the developers' commands, apart from the user's {@code corpus}: stages measured on
 * generated data, and the harnesses that plant known text and score a stage on it. The JMH benchmarks of single
 * functions are the bench module's. Exit status as {@code corpus}'s.
 */
@Command(name = "corpus-tools", mixinStandardHelpOptions = true, version = "corpus-tools 0.1.0",
    description = "Developers' tools for corpus: measurements on generated data and evaluation harnesses.",
    subcommands = {MeasureCommand.class, HarnessCommand.class})
public final class CorpusTools {
  public static void main(String[] args) {
    System.exit(new CommandLine(new CorpusTools()).execute(args));
  }
}

package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import org.corpuskit.jobs.pipeline.UsageException;
import picocli.CommandLine.Option;

/** Shorthands for the tokenize stage: clean document sets mixed in beside the crawl. */
final class TokenizeOptions implements Shorthands {
  @Option(names = "--documents", paramLabel = "NAME=PATH[:OPTIONS]",
      description = "A clean document set mixed in as source NAME (repeatable): JSON lines or Parquet with a text "
          + "field, as in sources.sets (PATH:format=jsonl,text=FIELD,id=FIELD).")
  List<String> documents = new ArrayList<>();

  /** The options as {@code --set} assignments. */
  @Override
  public List<String> assignments() {
    List<String> sets = new ArrayList<>();
    for (String set : documents) {
      int eq = set.indexOf('=');
      if (eq < 1) {
        throw new UsageException("--documents takes NAME=PATH, got '" + set + "'");
      }
      ConfigOptions.assign(sets, "sources.sets." + set.substring(0, eq), set.substring(eq + 1));
    }
    return sets;
  }
}

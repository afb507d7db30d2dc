package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.corpuskit.decontaminate.Presets;
import org.corpuskit.jobs.pipeline.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command-line option that stands for a configuration key, such as {@code --seq-len} for {@code pack.seq_len}:
 * given, it becomes a {@code --set} over the configuration file. The stages' shorthands are declared here once,
 * each stage's command takes its own (see {@link Stages}), and run and config take them all.
 *
 * @param option the option's name
 * @param label what its value is, in the help
 * @param type String, Integer, Long, Double, or List for a repeatable option of texts
 * @param split the separator of several values in one list option (a regular expression), or empty
 * @param description the help line, ending with the key it sets
 * @param assign adds the option's value (null when not given) to a list of assignments
 */
record Shorthand(String option, String label, Class<?> type, String split, String description,
    BiConsumer<List<String>, Object> assign) {
  static final List<Shorthand> EXTRACT = List.of(
      of("--source", "LABEL", String.class, "extract.source", "The label of the documents' source"),
      of("--cc-base", "URI", String.class, "input.cc_base", "Where --crawl's listings and archives are read from"),
      of("--max-files", "N", Integer.class, "input.max_files", "Read at most N archive files"),
      of("--max-payload-mb", "MB", Integer.class, "extract.max_payload_mb", "The largest record read whole"),
      of("--max-depth", "N", Integer.class, "extract.max_depth", "The deepest HTML nesting walked"));
  static final List<Shorthand> DEDUP = List.of(
      new Shorthand("--against", "INDEX", List.class, ",", "Index folders of earlier releases (their "
          + "OUT/dedup/index) to deduplicate against, repeatable or comma-separated; this run's index then lists "
          + "them as its earlier parts; dedup.against.", (sets, value) -> ConfigOptions.assign(sets, "dedup.against",
          value)));
  static final List<Shorthand> BENCHMARKS = List.of(
      of("--benchmark", "NAME=PATH[:OPTIONS]", List.class, "decontaminate.benchmarks", "A benchmark to remove "
          + "from the corpus (repeatable): a file or folder (JSON lines, JSON, CSV, TSV, text or Parquet; gzip, "
          + "bzip2, xz or zstd), and OPTIONS a preset (" + String.join(", ", Presets.names()) + ") or settings "
          + "separated by commas: preset=P, fields=question+choices[gold] (answer.0 for a position, aliases[each] "
          + "for variants), records=PATH (records inside one JSON document), format=jsonl|json|csv|tsv|text|parquet, "
          + "encoding=E (of lines that are not UTF-8)"),
      of("--mode", "MODE", String.class, "decontaminate.mode",
          "remove-spans (cut matches out) or drop-document"));
  static final List<Shorthand> TOKENIZER = List.of(
      of("--tokenizer", "SPEC", String.class, "tokenize.tokenizer", "cl100k_base (or another tiktoken "
          + "encoding), tiktoken:PATH:ENCODING (or :llama3), hf:PATH (tokenizer.json) or spm:PATH (SentencePiece "
          + "model)"));
  static final List<Shorthand> TOKENIZE = List.of(new Shorthand("--documents", "NAME=PATH[:OPTIONS]", List.class, "",
      "A clean document set mixed in as source NAME (repeatable): JSON lines or Parquet with a text field "
          + "(PATH:format=jsonl,text=FIELD,id=FIELD); sources.sets.NAME.", Shorthand::documentSets));
  static final List<Shorthand> MIX = List.of(
      of("--temperature", "T", Double.class, "mix.temperature", "The sampling temperature over sources"),
      of("--target-tokens", "N", Long.class, "mix.target_tokens", "Tokens in the training set"));
  static final List<Shorthand> PACK = List.of(
      of("--seq-len", "N", Integer.class, "pack.seq_len", "Tokens per sequence"),
      of("--strategy", "chunk|best-fit", String.class, "pack.strategy", "How documents fill sequences"),
      of("--eos", "ID", Integer.class, "pack.eos", "The end-of-document id, for a tokenizer that defines none"));

  /** An option that sets {@code key} to its value. */
  static Shorthand of(String option, String label, Class<?> type, String key, String description) {
    return new Shorthand(option, label, type, "", description + "; " + key + ".",
        (sets, value) -> ConfigOptions.assign(sets, key, value));
  }

  /** Every stage's shorthands once, in the order of the pipeline: what run and config take. */
  static List<Shorthand> all() {
    Map<String, Shorthand> byOption = new LinkedHashMap<>();
    for (List<Shorthand> group : List.of(EXTRACT, DEDUP, BENCHMARKS, TOKENIZE, TOKENIZER, MIX, PACK)) {
      group.forEach(shorthand -> byOption.putIfAbsent(shorthand.option(), shorthand));
    }
    return List.copyOf(byOption.values());
  }

  /** Adds {@code shorthands} to the options of {@code line}. */
  static CommandLine addTo(CommandLine line, List<Shorthand> shorthands) {
    for (Shorthand shorthand : shorthands) {
      OptionSpec.Builder option = OptionSpec.builder(shorthand.option()).paramLabel(shorthand.label())
          .description(shorthand.description()).type(shorthand.type());
      if (shorthand.type() == List.class) {
        option.auxiliaryTypes(String.class).splitRegex(shorthand.split());
      }
      line.getCommandSpec().addOption(option.build());
    }
    return line;
  }

  /** The shorthands given on {@code command}'s line, as {@code --set} assignments in the order declared. */
  static List<String> assignments(CommandSpec command) {
    List<String> sets = new ArrayList<>();
    for (Shorthand shorthand : all()) {
      OptionSpec option = command.findOption(shorthand.option());
      if (option != null) {
        shorthand.assign().accept(sets, option.getValue());
      }
    }
    return sets;
  }

  private static void documentSets(List<String> sets, Object value) {
    if (value == null) {
      return;
    }
    for (Object given : (List<?>) value) {
      String set = String.valueOf(given);
      int eq = set.indexOf('=');
      if (eq < 1) {
        throw new UsageException("--documents takes NAME=PATH, got '" + set + "'");
      }
      ConfigOptions.assign(sets, "sources.sets." + set.substring(0, eq), set.substring(eq + 1));
    }
  }
}

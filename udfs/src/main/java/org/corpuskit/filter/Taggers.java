package org.corpuskit.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The built-in taggers, registered once: each by how a task builds it and the rules it brings. The filter
 * chain builds every one once per task and runs them in this order; the {@code signals} column
 * (schemas/signals.json) and the built-in rules (docs/filters.md) are read from this list. Adding a filter is
 * its class, one line here and its tests. Thread-safe: immutable.
 */
public final class Taggers {
  /**
   * One built-in tagger.
   *
   * @param make builds it for a task from what the stage hands over
   * @param rules its default rules over its signals; possibly none, for a signal users write rules on
   */
  public record Entry<T>(Function<TaggerInputs, T> make, List<Rule> rules) {
    public Entry {
      rules = List.copyOf(rules);
    }
  }

  /** Taggers over the text as extracted, in the order they run. */
  public static final List<Entry<Tagger>> TAGGERS = List.of(
      new Entry<>(in -> new GopherRepetition(), GopherRepetition.RULES),
      new Entry<>(in -> new GopherQuality(in.stopWords()), GopherQuality.RULES),
      new Entry<>(in -> new FineWebQuality(), FineWebQuality.RULES),
      new Entry<>(in -> new NumbersRatio(), NumbersRatio.RULES),
      new Entry<>(in -> in.lists().blocklist(), UrlBlocklist.RULES),
      new Entry<>(in -> in.lists().urlWords(), UrlWords.RULES),
      new Entry<>(in -> in.lists().badWords(), BadWords.RULES));

  /** Then the taggers that edit the text, each seeing the previous one's result; the last result is kept. */
  public static final List<Entry<TextEditor>> EDITORS = List.of(
      new Entry<>(in -> new C4Lines(), C4Lines.RULES),
      new Entry<>(in -> new PiiRedactor(in.pii()), List.of()));

  private Taggers() {}

  /** Every signal the built-in taggers set, in the order they run. */
  static List<Signal> signals() {
    List<Signal> all = new ArrayList<>();
    TAGGERS.forEach(entry -> all.addAll(entry.make().apply(TaggerInputs.NONE).signals()));
    EDITORS.forEach(entry -> all.addAll(entry.make().apply(TaggerInputs.NONE).signals()));
    return all;
  }

  /** Every built-in rule, in the order of the taggers. */
  static List<Rule> rules() {
    List<Rule> all = new ArrayList<>();
    TAGGERS.forEach(entry -> all.addAll(entry.rules()));
    EDITORS.forEach(entry -> all.addAll(entry.rules()));
    return all;
  }
}

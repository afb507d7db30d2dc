package org.corpuskit.filter;

import java.util.ArrayList;
import java.util.List;

/** The built-in rules, in the order the filter stage applies them: the first that fails names the rejection. */
public final class Rules {
  public static final List<Rule> DEFAULTS = all();

  private Rules() {}

  private static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(GopherRepetition.RULES);
    rules.addAll(GopherQuality.RULES);
    rules.addAll(C4Lines.RULES);
    rules.addAll(FineWebQuality.RULES);
    return List.copyOf(rules);
  }
}

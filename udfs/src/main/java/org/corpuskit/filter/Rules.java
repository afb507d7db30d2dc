package org.corpuskit.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in rules: language identification's, then each registered tagger's ({@link Taggers}), in the order
 * the taggers run. A document is rejected by every rule it matches; the reason it carries is the first of them
 * in name order.
 */
public final class Rules {
  public static final List<Rule> DEFAULTS = all();

  private Rules() {}

  /** docs/filters.md: every built-in rule with its predicate and the source of its threshold. */
  public static String markdown() {
    StringBuilder out = new StringBuilder("# Filters\n\n")
        .append("Generated from the built-in rules (`org.corpuskit.filter.Rules`); a test keeps this file equal to ")
        .append("them. Each rule is a Spark SQL predicate over the `signals` column (schemas/signals.json ")
        .append("describes every signal); a document that matches one is rejected. `filter.rules` in the ")
        .append("configuration changes, adds or turns off rules, and `filter.languages.<code>.rules` does so for ")
        .append("one language.\n\n| rule | rejects when | source |\n|---|---|---|\n");
    for (Rule rule : DEFAULTS) {
      out.append("| `").append(rule.name()).append("` | `").append(rule.sql()).append("` | ").append(rule.source())
          .append(" |\n");
    }
    return out.append("\n").append(PiiPolicy.markdown()).toString();
  }

  private static List<Rule> all() {
    List<Rule> rules = new ArrayList<>(FilterChain.RULES);
    rules.addAll(Taggers.rules());
    return List.copyOf(rules);
  }
}

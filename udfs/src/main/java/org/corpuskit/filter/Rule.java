package org.corpuskit.filter;

import java.util.Locale;

/**
 * A built-in rule: a document is rejected when {@code signal op threshold} holds. The configuration holds rules
 * as Spark SQL predicates over {@code signals}, so a user can write any condition; the built-in ones are these
 * comparisons, given as SQL by {@link #sql()} and checked in plain Java by {@link #rejects} (the unit tests use
 * the latter; a Spark test checks that both agree).
 *
 * @param name the rule's name, the reason a document it rejects carries
 * @param signal the signal it reads
 * @param op how it compares
 * @param threshold the published threshold
 * @param source where the threshold comes from
 */
public record Rule(String name, String signal, Op op, double threshold, String source) {
  /** The comparisons a built-in rule can make. */
  public enum Op {
    LESS("<"), GREATER(">");

    private final String sql;

    Op(String sql) {
      this.sql = sql;
    }
  }

  public String sql() {
    String number = threshold == Math.rint(threshold) ? String.valueOf((long) threshold)
        : String.format(Locale.ROOT, "%s", threshold);
    return "signals." + signal + " " + op.sql + " " + number;
  }

  /** Whether the rule rejects; a null signal (not applicable) never does, as {@code null < 2} is not true in SQL. */
  public boolean rejects(Signals signals) {
    if (signals.get(signal) == null) {
      return false;
    }
    double value = signals.number(signal);
    return op == Op.LESS ? value < threshold : value > threshold;
  }

  static Rule below(String name, String signal, double threshold, String source) {
    return new Rule(name, signal, Op.LESS, threshold, source);
  }

  static Rule above(String name, String signal, double threshold, String source) {
    return new Rule(name, signal, Op.GREATER, threshold, source);
  }
}

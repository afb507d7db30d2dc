package org.corpuskit.filter;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.corpuskit.filter.PiiFinder.Type;

/**
 * What the filter does with personal data: replace each piece of the chosen types with its type's placeholder
 * ({@link Mode#REDACT}), leave the text as it is and record where the pieces are ({@link Mode#TAG}), or not look
 * for them at all ({@link Mode#OFF}). Either way the spans found are written beside the text, so that they can
 * be audited. Thread-safe: immutable.
 *
 * @param mode redact, tag or off
 * @param types the types acted on; others are not looked for
 * @param placeholders the text put in place of each type's pieces, for the types redacted
 * @param allIpAddresses whether private, loopback and documentation addresses count too, or public ones only
 */
public record PiiPolicy(Mode mode, Set<Type> types, Map<Type, String> placeholders, boolean allIpAddresses)
    implements Serializable {
  /** What is done with what is found. */
  public enum Mode { REDACT, TAG, OFF }

  /** Every type redacted with the default placeholders, public IP addresses only. */
  public static final PiiPolicy DEFAULT = new PiiPolicy(Mode.REDACT, EnumSet.allOf(Type.class), Map.of(), false);

  public PiiPolicy {
    if (mode == null || types == null || placeholders == null) {
      throw new IllegalArgumentException("mode, types and placeholders must not be null");
    }
    types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    Map<Type, String> all = new EnumMap<>(Type.class);
    for (Type type : Type.values()) {
      String placeholder = placeholders.getOrDefault(type, type.placeholder());
      if (placeholder.isEmpty() || placeholder.contains("\n")) {
        throw new IllegalArgumentException("placeholders: the placeholder of " + type.key() + " must be one "
            + "non-empty line, got '" + placeholder + "'");
      }
      all.put(type, placeholder);
    }
    placeholders = Map.copyOf(all);
  }

  /** The section of docs/filters.md on personal data. */
  static String markdown() {
    StringBuilder out = new StringBuilder("## Personal data\n\n")
        .append("After the rules' signals are computed and C4's line rules have edited the text, personal data is ")
        .append("redacted, tagged or left alone, as `filter.pii` says (`corpus config` shows its keys):\n\n")
        .append("- `mode`: `redact` (the default) replaces each piece with its type's placeholder; `tag` leaves the ")
        .append("text as it is; `off` does not look. Either of the first two writes every piece found as ")
        .append("`signals.pii_spans` (type, start, end: offsets in code points, as Python and Spark SQL count, in ")
        .append("the filter's output text; where redacted, the placeholder's span) and counts per type as ")
        .append("`signals.pii_<type>` (null for a type not looked for), so that what was found can be audited and ")
        .append("rules can use the counts.\n")
        .append("- `types`: the types acted on; the others are not looked for.\n")
        .append("- `placeholders`: the text for each type.\n")
        .append("- `ip_addresses`: `public` (the default) or `all` (private, loopback and documentation ranges ")
        .append("too).\n\n| type | placeholder | counts when |\n|---|---|---|\n");
    for (Type type : Type.values()) {
      out.append("| `").append(type.key()).append("` | `").append(type.placeholder()).append("` | ")
          .append(type.rule()).append(" |\n");
    }
    return out.append("\nA stretch of text that yields more than ").append(PiiFinder.MOST_PER_RUN)
        .append(" candidates of one type (a table of figures, a repeated string) yields none of it. Offsets in ")
        .append("`pii_spans` refer to the filter stage's text; a later stage that cuts text (decontaminate's ")
        .append("remove-spans) does not move them.\n").toString();
  }

  /** Whether pieces of {@code type} are looked for. */
  public boolean looksFor(Type type) {
    return mode != Mode.OFF && types.contains(type);
  }
}

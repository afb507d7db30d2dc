package org.corpuskit.filter;

import java.util.ArrayList;
import java.util.List;
import org.corpuskit.filter.PiiFinder.Span;
import org.corpuskit.filter.PiiFinder.Type;

/**
 * Applies a {@link PiiPolicy} to a document: finds the personal data of the policy's types ({@link PiiFinder})
 * and replaces each piece with its type's placeholder, or, tagging, leaves the text as it is. Either way the
 * pieces are counted per type and listed as spans of the text kept (a placeholder's span where redacted), for
 * audit. With the policy off it looks for nothing. Thread-safe (immutable).
 */
public final class PiiRedactor implements TextEditor {
  /** The spans signal: every piece found, as (type, start, end) in the text kept. */
  public static final String SPANS = "pii_spans";

  private final PiiPolicy policy;

  public PiiRedactor() {
    this(PiiPolicy.DEFAULT);
  }

  public PiiRedactor(PiiPolicy policy) {
    if (policy == null) {
      throw new IllegalArgumentException("policy must not be null");
    }
    this.policy = policy;
  }

  @Override
  public String name() {
    return "pii";
  }

  @Override
  public List<Signal> signals() {
    List<Signal> signals = new ArrayList<>();
    for (Type type : Type.values()) {
      signals.add(Signal.count(signal(type), "Pieces of personal data of type " + type.key() + " found (and "
          + "replaced by its placeholder, " + type.placeholder() + " by default, when filter.pii.mode is redact); "
          + "null when the type is not looked for."));
    }
    signals.add(new Signal(SPANS, Signal.Type.SPANS, "The personal data found: type (email, iban, credit_card, "
        + "ssn, ip, phone), start and end (offsets in code points, end exclusive) in the filter's output text; where "
        + "redacted, the span of the placeholder. Later stages that cut text (decontaminate) do not move them."));
    return signals;
  }

  @Override
  public String edit(FilterDoc doc, Signals out) {
    String text = doc.text();
    List<Span> found = policy.mode() == PiiPolicy.Mode.OFF ? List.of()
        : PiiFinder.find(text, policy.types(), policy.allIpAddresses());
    int[] counts = new int[Type.values().length];
    List<Signal.TextSpan> spans = new ArrayList<>(found.size());
    StringBuilder kept = new StringBuilder(text.length());
    int at = 0;
    // Offsets are counted in code points, as Python, Arrow and Spark SQL count a string's characters.
    int points = 0;
    for (Span span : found) {
      counts[span.type().ordinal()]++;
      int before = points + text.codePointCount(at, span.start());
      if (policy.mode() == PiiPolicy.Mode.REDACT) {
        kept.append(text, at, span.start());
        String placeholder = policy.placeholders().get(span.type());
        int length = placeholder.codePointCount(0, placeholder.length());
        spans.add(new Signal.TextSpan(span.type().key(), before, before + length));
        kept.append(placeholder);
        points = before + length;
      } else {
        points = before + text.codePointCount(span.start(), span.end());
        spans.add(new Signal.TextSpan(span.type().key(), before, points));
      }
      at = span.end();
    }
    boolean off = policy.mode() == PiiPolicy.Mode.OFF;
    for (Type type : Type.values()) {
      out.set(signal(type), off || !policy.types().contains(type) ? null : counts[type.ordinal()]);
    }
    out.set(SPANS, off ? null : spans);
    return policy.mode() == PiiPolicy.Mode.REDACT ? kept.append(text, at, text.length()).toString() : text;
  }

  private static String signal(Type type) {
    return "pii_" + type.key();
  }
}

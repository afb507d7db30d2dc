package org.corpuskit.filter;

import java.util.List;

/**
 * A tagger that also changes the text (C4's line removal, PII redaction): it returns the new text and sets
 * signals saying what it changed. Later taggers see the edited text. Same life cycle as {@link Tagger}.
 */
public interface TextEditor {
  String name();

  List<Signal> signals();

  /** The edited text of {@code doc}; sets each of {@link #signals()} on {@code out}. */
  String edit(FilterDoc doc, Signals out);
}

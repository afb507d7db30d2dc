package org.corpuskit.filter;

import java.util.List;

/**
 * Computes named signals for one document. A tagger decides nothing: rules over the signals do, in the
 * configuration. An implementation is built once per task and used for every document of it; it is not
 * required to be thread-safe. Its work on a document is bounded by the document's length, as its Javadoc states.
 */
public interface Tagger {
  /** Its name, used in error reasons ({@code tagger_failed:<name>}). */
  String name();

  /** The signals it sets on every document. */
  List<Signal> signals();

  /** Sets each of {@link #signals()} on {@code out}. */
  void tag(FilterDoc doc, Signals out);
}

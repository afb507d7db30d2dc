package org.corpuskit.filter;

import java.util.Set;
import java.util.function.Function;

/**
 * What the filter stage hands its taggers when a task builds them: stop words by language code (an empty set
 * where there is no list), the safety lists and the personal-data policy. Thread-safe when its parts are: the
 * lists are immutable once built.
 */
public record TaggerInputs(Function<String, Set<String>> stopWords, SafetyLists lists, PiiPolicy pii) {
  /** No lists at all: for reading the taggers' names and signals. */
  public static final TaggerInputs NONE = new TaggerInputs(lang -> Set.of(), SafetyLists.empty(), PiiPolicy.DEFAULT);

  public TaggerInputs {
    if (stopWords == null || lists == null || pii == null) {
      throw new IllegalArgumentException("stopWords, lists and pii must not be null");
    }
  }
}

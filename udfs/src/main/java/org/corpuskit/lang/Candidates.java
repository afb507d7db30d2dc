package org.corpuskit.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The languages an identifier loaded: those told apart by n-grams, in the order of the {@link NGramTable}'s
 * lanes, and those named by their script, by {@link Script}. Immutable.
 */
final class Candidates {
  private final String[] ngramLanguages;
  private final int[] priors;
  private final String[] scriptLanguages = new String[Script.values().length];

  /** Reads each n-gram language's unigram model to order them by script. */
  Candidates(Collection<String> languages) {
    List<String> byNgrams = new ArrayList<>();
    for (String language : languages) {
      Script script = Script.named(language);
      if (script == null) {
        byNgrams.add(language);
      } else {
        scriptLanguages[script.ordinal()] = language;
      }
    }
    this.ngramLanguages = ModelLoader.groupedByScript(byNgrams);
    this.priors = new int[ngramLanguages.length];
    for (int i = 0; i < priors.length; i++) {
      priors[i] = WebPrior.of(ngramLanguages[i]);
    }
  }

  /** The log-prior of an n-gram language, in {@link NGramTable} units. */
  int prior(int index) {
    return priors[index];
  }

  String[] ngramLanguages() {
    return ngramLanguages.clone();
  }

  int ngramLanguageCount() {
    return ngramLanguages.length;
  }

  boolean has(Script script) {
    return scriptLanguages[script.ordinal()] != null;
  }

  /** All candidates: the n-gram languages, then one place per {@link Script} (null where none is loaded). */
  int size() {
    return ngramLanguages.length + scriptLanguages.length;
  }

  String language(int index) {
    return index < ngramLanguages.length ? ngramLanguages[index] : scriptLanguages[index - ngramLanguages.length];
  }

  Set<String> all() {
    Set<String> all = new LinkedHashSet<>(List.of(ngramLanguages));
    for (String language : scriptLanguages) {
      if (language != null) {
        all.add(language);
      }
    }
    return all;
  }
}

package org.corpuskit.filter;

import org.corpuskit.lang.LanguageIdentifier;

/** One language identifier for all tests in the JVM: loading its models takes seconds. */
public final class TestLanguages {
  public static final LanguageIdentifier ALL = LanguageIdentifier.ofAllLanguages();

  private TestLanguages() {}
}

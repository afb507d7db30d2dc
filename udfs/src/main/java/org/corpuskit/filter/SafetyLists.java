package org.corpuskit.filter;

import java.io.Serializable;

/**
 * The lists the safety taggers read, loaded once (on the driver, from the paths in the configuration) and
 * shipped to every task. Empty lists block nothing.
 */
public record SafetyLists(UrlBlocklist blocklist, UrlWords urlWords, BadWords badWords) implements Serializable {
  public static SafetyLists empty() {
    return new SafetyLists(new UrlBlocklist(), new UrlWords(), new BadWords());
  }

  public SafetyLists {
    if (blocklist == null || urlWords == null || badWords == null) {
      throw new IllegalArgumentException("lists must not be null (use empty ones)");
    }
  }
}

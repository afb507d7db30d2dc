package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;

/** The {@code --input} and {@code --crawl} options as configuration assignments. */
public final class InputArguments {
  private InputArguments() {}

  public static List<String> assignments(List<String> inputs, String crawl) {
    List<String> sets = new ArrayList<>();
    if (!inputs.isEmpty()) {
      sets.add("input.paths=[" + String.join(", ", inputs.stream().map(ConfigOptions::quoted).toList()) + "]");
    }
    if (crawl != null) {
      sets.add("input.crawl=" + ConfigOptions.quoted(crawl));
    }
    return sets;
  }
}

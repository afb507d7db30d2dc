package org.corpuskit.jobs.cli;

import java.util.ArrayList;
import java.util.List;

/** The {@code --input} and {@code --crawl} options as configuration assignments. */
public final class InputArguments {
  private InputArguments() {}

  public static List<String> assignments(List<String> inputs, String crawl) {
    List<String> sets = new ArrayList<>();
    ConfigOptions.assign(sets, "input.paths", inputs);
    ConfigOptions.assign(sets, "input.crawl", crawl);
    return sets;
  }
}

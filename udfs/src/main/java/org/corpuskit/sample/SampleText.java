package org.corpuskit.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of the sample crawl, all written for this project: for each of eight languages in four scripts,
 * sentence templates about local news and the values of their slots (the data files grammar-LANG.txt beside
 * this class), from which {@link SampleProse} writes the pages; the benchmark items; the navigation links of
 * the page templates.
 */
final class SampleText {
  /** The grammar of each language of the sample, by ISO code. */
  static final Map<String, SampleProse.Grammar> GRAMMARS = Map.of(
      "en", grammar("en"), "de", grammar("de"), "fr", grammar("fr"), "es", grammar("es"),
      "ru", grammar("ru"), "zh", grammar("zh"), "ar", grammar("ar"), "ja", grammar("ja"));

  /** Questions and answers in the benchmark format the sample writes (our own items, not a real benchmark). */
  static final List<String[]> BENCHMARK = List.of(
      new String[] {"How many bicycles did the volunteers of the Millbrook repair shop fix in the spring of 2024?", "Forty-three"},
      new String[] {"Which gas makes up most of the atmosphere of the fictional planet Orrin in the Tessaract novels?", "Neon"},
      new String[] {"What is the sum of the first twelve odd numbers, counting from one?", "144"},
      new String[] {"In the sample town of Kessel, on which weekday does the river ferry not run?", "Tuesday"},
      new String[] {"If a train leaves at 9:40 and the trip takes 2 hours and 35 minutes, when does it arrive?", "12:15"},
      new String[] {"Which colour is the lighthouse on the northern pier of Ostwick harbour painted?", "Green and white"},
      new String[] {"How many litres of water does a bathtub hold if it is 1.5 m long, 0.7 m wide and filled 0.4 m deep?", "420"},
      new String[] {"What did the Kessel town council rename the old grain market square in 1998?", "Linden Square"});

  static final List<String> BOILERPLATE_LINKS = List.of(
      "Home", "News", "Sport", "Culture", "Travel", "Contact", "About us", "Archive", "Newsletter", "Login");

  private SampleText() {}

  /**
   * The grammar of one language from its resource file {@code grammar-<lang>.txt}: {@code spaces: true|false},
   * {@code template: ...} lines, and {@code slot: name} lines each followed by its values, indented, one a line.
   */
  static SampleProse.Grammar grammar(String lang) {
    String name = "grammar-" + lang + ".txt";
    try (InputStream in = SampleText.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no sample grammar " + name);
      }
      boolean spaces = true;
      List<String> templates = new ArrayList<>();
      Map<String, List<String>> slots = new HashMap<>();
      List<String> values = null;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("  ") && values != null) {
          values.add(line.substring(2));
        } else if (line.startsWith("spaces: ")) {
          spaces = Boolean.parseBoolean(line.substring("spaces: ".length()));
        } else if (line.startsWith("template: ")) {
          templates.add(line.substring("template: ".length()));
        } else if (line.startsWith("slot: ")) {
          values = new ArrayList<>();
          slots.put(line.substring("slot: ".length()), values);
        } else if (!line.isBlank() && !line.startsWith("#")) {
          throw new IllegalStateException(name + ": cannot read the line '" + line + "'");
        }
      }
      Map<String, List<String>> fixed = new HashMap<>();
      slots.forEach((slot, list) -> fixed.put(slot, List.copyOf(list)));
      return new SampleProse.Grammar(spaces, List.copyOf(templates), Map.copyOf(fixed));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample grammar " + name, e);
    }
  }
}

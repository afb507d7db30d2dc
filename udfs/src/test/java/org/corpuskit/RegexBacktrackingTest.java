package org.corpuskit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every java.util.regex pattern the project holds in a static field (directly, or inside an object or list held
 * there, such as the extractor's class-word patterns), found by walking the compiled classes, so that a pattern
 * added later is covered without a line here. Each is run over strings built to make a backtracking engine
 * explode: 100,000 repeats of every character its source names and of a few characters web text is full of,
 * and 20,000 of pairs of them, each ending in a character that fails the match. A pattern that takes more than
 * a few seconds on one of them (quadratic, not only exponential, time) fails the test. The patterns of user blocklists and of the PII finder are RE2/J,
 * linear by construction, and are not java.util.regex.
 */
class RegexBacktrackingTest {
  /** Long enough that a quadratic pattern, not only an exponential one, takes far longer than the budget. */
  private static final int REPEATS = 100_000;
  private static final int PAIR_REPEATS = 20_000;
  /** Linear matching of the longest input takes milliseconds; quadratic takes tens of seconds. */
  private static final long SECONDS_PER_INPUT = 3;

  @Test
  void theHarnessCatchesAPatternThatBacktracks() throws Exception {
    assertTrue(slowest(Pattern.compile("^(a+)+$"), 2).isPresent(), "(a+)+ over a's and a mismatch must be caught");
    // Quadratic, not only exponential: the decontaminate stage's trailing-answer pattern as it was, searched
    // from every position of a line of blanks.
    assertTrue(slowest(Pattern.compile("\\s*\\bAnswer\\s*:\\s*$"), SECONDS_PER_INPUT).isPresent());
  }

  @Test
  void noPatternOfTheProjectBacktracksOnStringsBuiltForIt() throws Exception {
    Map<String, Pattern> patterns = projectPatterns();
    assertTrue(patterns.size() >= 25, "found " + patterns.keySet());
    assertTrue(patterns.keySet().stream().anyMatch(n -> n.contains("C4Lines")), patterns.keySet().toString());
    assertTrue(patterns.keySet().stream().anyMatch(n -> n.contains("ContentSelector")), patterns.keySet().toString());
    Map<String, String> slow = new LinkedHashMap<>();
    for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
      slowest(e.getValue(), SECONDS_PER_INPUT).ifPresent(input -> slow.put(e.getKey(), input));
    }
    assertEquals(Map.of(), slow);
  }

  /** The first input on which matching takes longer than {@code seconds}, shortened for a message. */
  private static java.util.Optional<String> slowest(Pattern pattern, long seconds) throws Exception {
    ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "regex");
      t.setDaemon(true);
      return t;
    });
    try {
      for (String input : inputs(pattern.pattern())) {
        Future<?> done = runner.submit(() -> {
          java.util.regex.Matcher m = pattern.matcher(input);
          while (m.find()) {
            if (m.end() == m.start() && m.end() >= input.length()) {
              break;
            }
          }
        });
        try {
          done.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          return java.util.Optional.of(input.substring(0, 12) + "... (" + input.length() + " chars)");
        }
      }
      return java.util.Optional.empty();
    } finally {
      // A backtracking matcher does not stop when interrupted; its daemon thread dies with the tests.
      runner.shutdownNow();
    }
  }

  /** Strings from the characters a pattern names, and from those web text is full of. */
  static List<String> inputs(String source) {
    Set<String> units = new TreeSet<>(List.of("a", "0", " ", ".", "<", "\n", "\t", "é", "中"));
    for (char c : source.toCharArray()) {
      if (Character.isLetterOrDigit(c) || " .,:;-_/=<>'\"#*@!?&%+()[]".indexOf(c) >= 0) {
        units.add(String.valueOf(c));
      }
    }
    List<String> singles = new ArrayList<>(units);
    List<String> inputs = new ArrayList<>();
    for (String unit : singles) {
      inputs.add(unit.repeat(REPEATS) + "\u0001");
    }
    for (String a : List.of("a", " ")) {
      for (String b : singles) {
        inputs.add((a + b).repeat(PAIR_REPEATS) + "\u0001");
      }
    }
    inputs.add("a1 ".repeat(PAIR_REPEATS) + "\u0001");
    inputs.add("<div class=\"".repeat(PAIR_REPEATS) + "\u0001");
    return inputs;
  }

  /** Every java.util.regex.Pattern reachable from a static field of a class of the project. */
  private static Map<String, Pattern> projectPatterns() throws IOException, ReflectiveOperationException {
    Path classes = Path.of(org.corpuskit.report.Svg.class.getProtectionDomain().getCodeSource().getLocation()
        .getPath());
    Map<String, Pattern> found = new LinkedHashMap<>();
    List<String> names;
    try (Stream<Path> files = Files.walk(classes)) {
      names = files.map(p -> classes.relativize(p).toString()).filter(p -> p.endsWith(".class"))
          .map(p -> p.substring(0, p.length() - 6).replace('/', '.')).sorted().toList();
    }
    for (String name : names) {
      Class<?> type = Class.forName(name, false, RegexBacktrackingTest.class.getClassLoader());
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()
            || field.getType() == String.class) {
          continue;
        }
        field.setAccessible(true);
        collect(type.getSimpleName() + "." + field.getName(), field.get(null), found, new IdentityHashMap<>(), 0);
      }
    }
    return found;
  }

  private static void collect(String name, Object value, Map<String, Pattern> found, Map<Object, Boolean> seen,
      int depth) throws IllegalAccessException {
    if (value == null || depth > 3 || seen.put(value, true) != null) {
      return;
    }
    if (value instanceof Pattern p) {
      found.putIfAbsent(name, p);
    } else if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        collect(name + "[" + i++ + "]", item, found, seen, depth + 1);
      }
    } else if (value instanceof Object[] items) {
      for (int i = 0; i < items.length; i++) {
        collect(name + "[" + i + "]", items[i], found, seen, depth + 1);
      }
    } else if (value.getClass().getName().startsWith("org.corpuskit.") && !value.getClass().isEnum()) {
      for (Field field : value.getClass().getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
          field.setAccessible(true);
          collect(name + "." + field.getName(), field.get(value), found, seen, depth + 1);
        }
      }
    }
  }
}

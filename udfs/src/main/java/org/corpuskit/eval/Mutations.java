package org.corpuskit.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.corpuskit.sample.SyntheticText;

/**
 * Near copies of a text at a controlled edit rate, for evaluating near-duplicate detection: the edits web
 * copies show. Words are the text's space-separated tokens and paragraphs its blank-line-separated blocks; the
 * words put in are drawn from {@link SyntheticText}'s lexicon, so they are new to the text.
 *
 * <p>Thread-safe: an instance holds only its lexicon; each call takes its own random source.
 */
public final class Mutations {
  /** One kind of edit. */
  public enum Kind {
    /** Each word is replaced by a new one with probability {@code rate}. */
    REPLACE,
    /** After each word a new one is put in with probability {@code rate}. */
    INSERT,
    /** Each word is left out with probability {@code rate}. */
    DELETE,
    /** Paragraphs are shuffled, and each word replaced with probability {@code rate}. */
    REORDER,
    /**
     * A header and a footer of boilerplate lines are added, as another site's template would, about
     * {@code rate} times the text's words in all.
     */
    BOILERPLATE
  }

  private static final String[] BOILERPLATE = {
      "Subscribe to our newsletter for the latest stories.", "Share this article on social media.",
      "All rights reserved.", "Read more in our archive.", "Sign in to leave a comment.",
      "This page uses cookies to remember your preferences.", "Advertisement", "Related stories",
      "Back to top", "Contact the editors", "Follow us for more updates.", "Print this page"};

  private final SyntheticText words;

  public Mutations(long seed) {
    words = new SyntheticText(seed);
  }

  /** A copy of {@code text} with edits of {@code kind} at {@code rate}, in [0, 1]. */
  public String mutate(String text, Kind kind, double rate, SplittableRandom random) {
    if (text == null || kind == null || random == null) {
      throw new IllegalArgumentException("text, kind and random must not be null");
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be in [0, 1], got " + rate);
    }
    List<String> paragraphs = new ArrayList<>(Arrays.asList(text.split("\n\n")));
    return switch (kind) {
      case REPLACE, INSERT, DELETE -> String.join("\n\n", paragraphs.stream()
          .map(p -> edit(p, kind, rate, random)).toList());
      case REORDER -> {
        for (int i = paragraphs.size() - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          String swap = paragraphs.get(i);
          paragraphs.set(i, paragraphs.get(j));
          paragraphs.set(j, swap);
        }
        yield String.join("\n\n", paragraphs.stream().map(p -> edit(p, Kind.REPLACE, rate, random)).toList());
      }
      case BOILERPLATE -> {
        int budget = (int) Math.round(rate * text.split("\\s+").length);
        StringBuilder header = new StringBuilder();
        StringBuilder footer = new StringBuilder();
        while (budget > 0) {
          String line = BOILERPLATE[random.nextInt(BOILERPLATE.length)];
          StringBuilder side = random.nextBoolean() ? header : footer;
          side.append(line).append('\n');
          budget -= line.split(" ").length;
        }
        yield header + text + (footer.length() > 0 ? "\n" + footer.toString().strip() : "");
      }
    };
  }

  private String edit(String paragraph, Kind kind, double rate, SplittableRandom random) {
    String[] tokens = paragraph.split(" ", -1);
    StringBuilder out = new StringBuilder(paragraph.length() + 16);
    for (String token : tokens) {
      boolean hit = random.nextDouble() < rate;
      String kept = kind == Kind.REPLACE && hit ? words.word(random) : token;
      if (kind == Kind.DELETE && hit) {
        continue;
      }
      append(out, kept);
      if (kind == Kind.INSERT && hit) {
        append(out, words.word(random));
      }
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String word) {
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(word);
  }
}

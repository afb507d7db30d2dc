package org.corpuskit.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the prose of the sample's ordinary pages: sentences put together from the templates and slot values of
 * {@link SampleText#GRAMMARS}, drawn with the caller's {@link Random}, so that each page is new text while the
 * sample stays the same bytes on every run. A page never holds a sentence twice, and within a page each slot
 * deals its values like a shuffled deck, so a page rarely repeats a phrase either.
 *
 * <p>A template names its slots in braces, {@code {subject}}. A slot value ending in {@code ~N} sets the
 * sentence's form to N (0 by default); a value written {@code a|b|...} then stands as its form N (or its last
 * one), so that a verb can agree with a subject that comes after it. An empty value leaves nothing, and the
 * spaces around it are closed up. The first letter of a sentence is made upper case.
 *
 * <p>Not thread-safe: a {@link Page} holds the decks of one page.
 */
final class SampleProse {
  private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)}");
  private static final Pattern FORM = Pattern.compile("~(\\d)$");
  private static final int MIN_SENTENCES = 2;
  private static final int MAX_SENTENCES = 5;
  private static final int MIN_PARAGRAPHS = 3;
  private static final int MAX_PARAGRAPHS = 6;
  /** Whitespace-separated words a page reaches at least, for languages written with spaces. */
  static final int MIN_WORDS = 90;
  /** Characters a page reaches at least, for languages written without spaces. */
  static final int MIN_CHARS = 160;

  private SampleProse() {}

  /** The rules for writing one language: templates, the values of their slots, and how sentences are joined. */
  record Grammar(boolean spaces, List<String> templates, Map<String, List<String>> slots) {
    Grammar {
      for (String template : templates) {
        Matcher slot = SLOT.matcher(template);
        while (slot.find()) {
          if (!slots.containsKey(slot.group(1))) {
            throw new IllegalArgumentException("no values for slot " + slot.group(1) + " in " + template);
          }
        }
      }
    }

    String gap() {
      return spaces ? " " : "";
    }
  }

  /**
   * A page of prose in {@code lang}: 3 to 6 paragraphs of 2 to 5 sentences, separated by blank lines, of at
   * least {@link #MIN_WORDS} words ({@link #MIN_CHARS} characters without spaces).
   */
  static String page(String lang, Random random) {
    Page page = new Page(grammar(lang), random);
    List<List<String>> paragraphs = new ArrayList<>();
    int count = MIN_PARAGRAPHS + random.nextInt(MAX_PARAGRAPHS - MIN_PARAGRAPHS + 1);
    for (int p = 0; p < count; p++) {
      List<String> paragraph = new ArrayList<>();
      int sentences = MIN_SENTENCES + random.nextInt(MAX_SENTENCES - MIN_SENTENCES + 1);
      for (int s = 0; s < sentences; s++) {
        paragraph.add(page.freshSentence());
      }
      paragraphs.add(paragraph);
    }
    while (tooShort(page.grammar, paragraphs)) {
      List<String> shortest = paragraphs.get(0);
      for (List<String> paragraph : paragraphs) {
        if (paragraph.size() < shortest.size()) {
          shortest = paragraph;
        }
      }
      if (shortest.size() == MAX_SENTENCES) {
        throw new IllegalStateException("sentences of " + lang + " are too short to fill a page");
      }
      shortest.add(page.freshSentence());
    }
    return join(page.grammar, paragraphs);
  }

  /** One sentence in {@code lang}, with a fresh deck for each slot. */
  static String sentence(String lang, Random random) {
    return new Page(grammar(lang), random).sentence();
  }

  private static Grammar grammar(String lang) {
    Grammar grammar = SampleText.GRAMMARS.get(lang);
    if (grammar == null) {
      throw new IllegalArgumentException("no grammar for language " + lang);
    }
    return grammar;
  }

  private static boolean tooShort(Grammar grammar, List<List<String>> paragraphs) {
    String text = join(grammar, paragraphs);
    if (grammar.spaces()) {
      return text.strip().split("\\s+").length < MIN_WORDS;
    }
    return text.codePointCount(0, text.length()) < MIN_CHARS;
  }

  private static String join(Grammar grammar, List<List<String>> paragraphs) {
    List<String> texts = new ArrayList<>();
    for (List<String> paragraph : paragraphs) {
      texts.add(String.join(grammar.gap(), paragraph));
    }
    return String.join("\n\n", texts);
  }

  /** The sentences written so far on one page, and a deck for each slot. */
  private static final class Page {
    private static final int TRIES = 1000;

    final Grammar grammar;
    private final Random random;
    private final Map<String, List<String>> decks = new HashMap<>();
    private final List<String> templates = new ArrayList<>();
    private final Set<String> written = new HashSet<>();

    Page(Grammar grammar, Random random) {
      this.grammar = grammar;
      this.random = random;
    }

    String freshSentence() {
      for (int i = 0; i < TRIES; i++) {
        String sentence = sentence();
        if (written.add(sentence)) {
          return sentence;
        }
      }
      throw new IllegalStateException("no new sentence after " + TRIES + " tries");
    }

    String sentence() {
      String template = draw(templates, grammar.templates());
      List<String> values = new ArrayList<>();
      int form = 0;
      Matcher slot = SLOT.matcher(template);
      while (slot.find()) {
        String value = draw(decks.computeIfAbsent(slot.group(1), k -> new ArrayList<>()),
            grammar.slots().get(slot.group(1)));
        Matcher mark = FORM.matcher(value);
        if (mark.find()) {
          form = Integer.parseInt(mark.group(1));
          value = value.substring(0, mark.start());
        }
        values.add(value);
      }
      StringBuilder out = new StringBuilder();
      slot.reset();
      int at = 0;
      for (int v = 0; slot.find(); v++) {
        out.append(template, at, slot.start()).append(inForm(values.get(v), form));
        at = slot.end();
      }
      out.append(template.substring(at));
      return capitalize(tidy(out.toString()));
    }

    /** The next card of a deck, which is refilled with all of {@code values} in a new order when empty. */
    private String draw(List<String> deck, List<String> values) {
      if (deck.isEmpty()) {
        deck.addAll(values);
        for (int i = deck.size() - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          deck.set(i, deck.set(j, deck.get(i)));
        }
      }
      return deck.remove(deck.size() - 1);
    }
  }

  private static String inForm(String value, int form) {
    if (value.indexOf('|') < 0) {
      return value;
    }
    String[] forms = value.split("\\|", -1);
    return forms[Math.min(form, forms.length - 1)];
  }

  /** Closes up the spaces an empty value leaves. */
  private static String tidy(String sentence) {
    return sentence.replaceAll(" {2,}", " ").replace(" ,", ",").replace(" .", ".").replace(" ،", "،").strip();
  }

  private static String capitalize(String sentence) {
    if (sentence.isEmpty()) {
      return sentence;
    }
    int first = sentence.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
        .append(sentence.substring(Character.charCount(first))).toString();
  }
}

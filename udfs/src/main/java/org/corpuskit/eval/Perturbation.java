package org.corpuskit.eval;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A test item written the way a web page might quote it, for measuring decontamination recall, by one
 * {@link Kind} of change or all of them at once. The words stay, so a decontaminator that normalises as it should
 * still finds the item; PerturbationTest checks they do.
 *
 * <p>Thread-safe: static methods; the caller's random source decides every choice.
 */
public final class Perturbation {
  /** One way a quoting page differs from the item. */
  public enum Kind {
    /** Upper case, lower case, or some words in capitals. */
    CASE,
    /** Punctuation at the ends of words dropped, or commas added. */
    PUNCTUATION,
    /** Straight quotes and apostrophes as typographic ones. */
    TYPOGRAPHY,
    /** Spaces, tabs and line breaks between the words changed, the item's own line breaks among them. */
    WHITESPACE,
    /** Words put before and after it, such as "Q:" or "(see the comments)". */
    SURROUNDINGS,
    /** Every change above at once. */
    ALL
  }

  private static final String[] SPACES = {" ", " ", " ", "  ", "\t", "\n", " \n\n"};
  private static final String[] BEFORE = {"Q: ", "Question 4. ", "Can you solve this? ", "\u201c", "From the quiz: "};
  private static final String[] AFTER = {" Answer below.", "\u201d", " (see the comments)", " ...", ""};

  private Perturbation() {}

  /** {@code item} with every kind of change, by {@code random}'s choices. */
  public static String of(String item, SplittableRandom random) {
    return of(item, Kind.ALL, random);
  }

  /** {@code item} with one kind of change (or {@link Kind#ALL}), by {@code random}'s choices. */
  public static String of(String item, Kind kind, SplittableRandom random) {
    if (item == null || kind == null || random == null) {
      throw new IllegalArgumentException("item, kind and random must not be null");
    }
    boolean all = kind == Kind.ALL;
    int casing = all || kind == Kind.CASE ? random.nextInt(3) : 3;
    boolean around = all || kind == Kind.SURROUNDINGS;
    StringBuilder out = new StringBuilder(around ? BEFORE[random.nextInt(BEFORE.length)] : "");
    String[] words = item.strip().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String word = cased(words[i], casing, random);
      if (all || kind == Kind.PUNCTUATION) {
        if (random.nextInt(3) == 0) {
          word = stripTrailingPunctuation(word);
        } else if (random.nextInt(10) == 0) {
          word = word + ",";
        }
      }
      if (all || kind == Kind.TYPOGRAPHY) {
        word = word.replace('"', random.nextBoolean() ? '\u201d' : '\u201c').replace('\'', '\u2019');
      }
      String space = all || kind == Kind.WHITESPACE ? SPACES[random.nextInt(SPACES.length)] : " ";
      out.append(i == 0 ? "" : space).append(word);
    }
    return out.append(around ? AFTER[random.nextInt(AFTER.length)] : "").toString();
  }

  private static String cased(String word, int casing, SplittableRandom random) {
    return switch (casing) {
      case 0 -> word.toUpperCase(Locale.ROOT);
      case 1 -> word.toLowerCase(Locale.ROOT);
      case 2 -> random.nextInt(4) == 0 ? word.toUpperCase(Locale.ROOT) : word;
      default -> word;
    };
  }

  private static String stripTrailingPunctuation(String word) {
    int end = word.length();
    while (end > 1 && isPunctuation(word.charAt(end - 1))) {
      end--;
    }
    return word.substring(0, end);
  }

  private static boolean isPunctuation(char c) {
    int type = Character.getType(c);
    return type == Character.OTHER_PUNCTUATION || type == Character.END_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.DASH_PUNCTUATION;
  }
}

package org.corpuskit.eval;

import java.util.SplittableRandom;

/**
 * A test item written the way a web page might quote it, for measuring decontamination recall: its case
 * changed, punctuation at the ends of words dropped, added or swapped for typographic forms, white space and
 * line breaks changed, and text put around it. The words stay, so a decontaminator that normalises as it should
 * still finds the item; PerturbationTest checks they do.
 *
 * <p>Thread-safe: static methods; the caller's random source decides every choice.
 */
public final class Perturbation {
  private static final String[] SPACES = {" ", " ", " ", "  ", "\t", "\n", " \n\n"};
  private static final String[] BEFORE = {"Q: ", "Question 4. ", "Can you solve this? ", "\u201c", "From the quiz: "};
  private static final String[] AFTER = {" Answer below.", "\u201d", " (see the comments)", " ...", ""};

  private Perturbation() {}

  /** {@code item} perturbed by {@code random}'s choices. */
  public static String of(String item, SplittableRandom random) {
    if (item == null || random == null) {
      throw new IllegalArgumentException("item and random must not be null");
    }
    int casing = random.nextInt(4);
    StringBuilder out = new StringBuilder(BEFORE[random.nextInt(BEFORE.length)]);
    String[] words = item.strip().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String word = cased(words[i], casing, random);
      if (random.nextInt(3) == 0) {
        word = stripTrailingPunctuation(word);
      } else if (random.nextInt(10) == 0) {
        word = word + ",";
      }
      word = word.replace('"', random.nextBoolean() ? '\u201d' : '"').replace('\'', '\u2019');
      out.append(i == 0 ? "" : SPACES[random.nextInt(SPACES.length)]).append(word);
    }
    return out.append(AFTER[random.nextInt(AFTER.length)]).toString();
  }

  private static String cased(String word, int casing, SplittableRandom random) {
    return switch (casing) {
      case 0 -> word.toUpperCase(java.util.Locale.ROOT);
      case 1 -> word.toLowerCase(java.util.Locale.ROOT);
      case 2 -> random.nextInt(4) == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word;
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

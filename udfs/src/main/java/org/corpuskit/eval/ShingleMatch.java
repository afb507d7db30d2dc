package org.corpuskit.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction-benchmark's score of one page: true and false positives and false negatives over
 * shingles of 4 consecutive word tokens ({@code \w+}, case kept), normalised to sum to 1 so that long pages
 * weigh no more than short ones.
 *
 * @param tp the share of shingles both in the gold text and in the extraction
 * @param fp the share only in the extraction
 * @param fn the share only in the gold text
 */
public record ShingleMatch(double tp, double fp, double fn) {
  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int N = 4;

  public static ShingleMatch of(String gold, String predicted) {
    Map<List<String>, Integer> goldShingles = shingles(gold);
    Map<List<String>, Integer> predictedShingles = shingles(predicted);
    Set<List<String>> keys = new HashSet<>(goldShingles.keySet());
    keys.addAll(predictedShingles.keySet());
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (List<String> key : keys) {
      int g = goldShingles.getOrDefault(key, 0);
      int p = predictedShingles.getOrDefault(key, 0);
      tp += Math.min(g, p);
      fp += Math.max(0, p - g);
      fn += Math.max(0, g - p);
    }
    double sum = tp + fp + fn;
    return sum > 0 ? new ShingleMatch(tp / sum, fp / sum, fn / sum) : new ShingleMatch(0, 0, 0);
  }

  /** Precision of this page, or NaN where nothing was predicted (the page then counts in recall only). */
  public double precision() {
    if (fp == 0 && fn == 0) {
      return 1;
    }
    return tp + fp == 0 ? Double.NaN : tp / (tp + fp);
  }

  /** Recall of this page, or NaN where the gold text is empty. */
  public double recall() {
    if (fp == 0 && fn == 0) {
      return 1;
    }
    return tp + fn == 0 ? Double.NaN : tp / (tp + fn);
  }

  static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
      List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + N));
      if (!shingle.isEmpty()) {
        counts.merge(List.copyOf(shingle), 1, Integer::sum);
      }
    }
    return counts;
  }
}

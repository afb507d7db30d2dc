package org.corpuskit.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One call's counts and the scores they give: each language gets the share of the sample's letters it explains
 * (see {@link LanguageIdentifier}). Letters are counted per script; the n-gram scores of the languages that share
 * a script are summed per chunk of letters, and each chunk's letters are divided among them by a softmax.
 */
final class Tally {
  /** Japanese writes Han as well as kana; Chinese text almost never holds kana. */
  private static final double KANA_SHARE_FOR_JAPANESE = 0.1;
  /**
   * A chunk whose likeliest language gains less than 6 nats a letter over the floor is explained by none: 1 % of
   * the UDHR's chunks of 20 letters or more in supported languages, 97 % of random letter strings.
   */
  private static final int MIN_GAIN_PER_LETTER = 6 * NGramTable.UNITS_PER_NAT;
  /** Above this share of {@link Letters#JUNK} characters a sample is decoded binary, not text. */
  private static final double MAX_JUNK_SHARE = 0.05;
  /** Softmax terms this far below the best weigh less than 1e-13 and are left out. */
  private static final int NEGLIGIBLE = 30 * NGramTable.UNITS_PER_NAT;
  /** exp(−units / UNITS_PER_NAT): scores are whole units, so a table saves an exp per language and chunk. */
  private static final double[] ODDS = new double[NEGLIGIBLE + 1];

  static {
    for (int units = 0; units <= NEGLIGIBLE; units++) {
      ODDS[units] = Math.exp(-units / (double) NGramTable.UNITS_PER_NAT);
    }
  }

  /** Letters by {@link Letters#scriptIndex}. */
  final int[] scriptLetters = new int[Letters.SCRIPT_INDEXES];
  /** The current chunk's n-gram scores, in {@link NGramTable} lanes. */
  final long[] lanes;
  private final Candidates candidates;
  private final int[] chunkScores;
  private final double[] ngramLetters;
  private boolean binary;

  Tally(Candidates candidates) {
    this.candidates = candidates;
    this.lanes = new long[NGramTable.lanes(candidates.ngramLanguageCount())];
    this.chunkScores = new int[candidates.ngramLanguageCount()];
    this.ngramLetters = new double[candidates.ngramLanguageCount()];
  }

  /**
   * Divides a chunk's {@code letters} among the n-gram languages by the softmax of their scores and clears the
   * scores for the next chunk. When no language knows any of the chunk's n-grams, its letters go to none.
   */
  void endChunk(int letters) {
    int bestLikelihood = 0;
    int best = 0;
    for (int i = 0; i < chunkScores.length; i++) {
      int likelihood = NGramTable.score(lanes, i);
      bestLikelihood = Math.max(bestLikelihood, likelihood);
      chunkScores[i] = likelihood + candidates.prior(i);
      best = Math.max(best, chunkScores[i]);
    }
    Arrays.fill(lanes, 0);
    if (letters == 0 || bestLikelihood < MIN_GAIN_PER_LETTER * letters) {
      return;
    }
    double sum = 0;
    for (int score : chunkScores) {
      sum += best - score > NEGLIGIBLE ? 0 : ODDS[best - score];
    }
    double lettersPerOdds = letters / sum;
    for (int i = 0; i < chunkScores.length; i++) {
      int below = best - chunkScores[i];
      ngramLetters[i] += below > NEGLIGIBLE ? 0 : ODDS[below] * lettersPerOdds;
    }
  }

  /** Records that {@code junk} of the sample's {@code characters} were {@link Letters#JUNK}. */
  void junk(int junk, int characters) {
    binary = junk > MAX_JUNK_SHARE * characters;
  }

  /**
   * The {@code k} best languages with a score above 0, best first; ties keep the candidates' order. None for
   * decoded binary.
   */
  List<Guess> top(int k) {
    if (binary) {
      return List.of();
    }
    double[] scores = scores();
    List<Guess> top = new ArrayList<>(Math.min(k, scores.length));
    while (top.size() < k) {
      int best = -1;
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] > 0 && (best < 0 || scores[i] > scores[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      top.add(new Guess(candidates.language(best), scores[best]));
      scores[best] = 0;
    }
    return top;
  }

  /** Scores indexed like {@link Candidates#language(int)}. */
  private double[] scores() {
    double[] scores = new double[candidates.size()];
    int letters = Arrays.stream(scriptLetters).sum();
    if (letters == 0) {
      return scores;
    }
    int ngramLanguages = ngramLetters.length;
    for (int i = 0; i < ngramLanguages; i++) {
      scores[i] = ngramLetters[i] / letters;
    }
    for (Script script : Script.values()) {
      if (script.language() != null && script != Script.HAN && script != Script.KANA) {
        scores[ngramLanguages + script.ordinal()] = letters(script) / (double) letters;
      }
    }
    int hanAndKana = letters(Script.HAN) + letters(Script.KANA);
    Script japaneseOrChinese = letters(Script.KANA) >= KANA_SHARE_FOR_JAPANESE * hanAndKana ? Script.KANA : Script.HAN;
    scores[ngramLanguages + japaneseOrChinese.ordinal()] = hanAndKana / (double) letters;
    for (Script script : Script.values()) {
      if (!candidates.has(script)) {
        scores[ngramLanguages + script.ordinal()] = 0;
      }
    }
    return scores;
  }

  private int letters(Script script) {
    return scriptLetters[Letters.scriptIndex(script)];
  }
}

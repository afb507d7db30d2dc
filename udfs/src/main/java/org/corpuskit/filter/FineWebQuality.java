package org.corpuskit.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * FineWeb's own quality measures (Penedo et al. 2024; datatrove FineWebQualityFilter defaults): the share of
 * non-blank lines ending in sentence-final punctuation, the share of short lines, the characters of lines that
 * repeat an earlier one, and line breaks per word. Linear in the text.
 */
public final class FineWebQuality implements Tagger {
  private static final String SOURCE = "FineWeb (Penedo et al. 2024); datatrove FineWebQualityFilter defaults";
  private static final int SHORT_LINE = 30;
  /** Sentence-final marks of many scripts, where C4's list has only Latin ones. */
  private static final String TERMINAL = ".?!。！？।॥؟۔።‼⁇⁈⁉‽｡．՜՞܀܁܂߹၊။፧፨᙮᠃᠉᥄᥅᪨᪩᪪᪫᭚᭛᭞᭟᰻᰼᱾᱿⳹⳾⸮⸼꓿꘎꘏꛳꛷꡶꡷꣎꣏꤯꧈꧉꩝꩞꩟꫰꫱꯫︒﹒﹖﹗";

  public static final List<Rule> RULES = List.of(
      Rule.below("line_punct_ratio", "line_punct_ratio", 0.12, SOURCE),
      Rule.above("short_line_ratio", "short_line_ratio", 0.67, SOURCE),
      Rule.above("char_dup_ratio", "char_dup_ratio", 0.01, SOURCE),
      Rule.above("list_ratio", "newline_word_ratio", 0.3, SOURCE));

  static boolean isTerminal(char c) {
    return TERMINAL.indexOf(c) >= 0;
  }

  @Override
  public String name() {
    return "fineweb_quality";
  }

  @Override
  public List<Signal> signals() {
    return List.of(
        Signal.ratio("line_punct_ratio", "Share of non-blank lines that end in sentence-final punctuation."),
        Signal.ratio("short_line_ratio", "Share of non-blank lines of at most " + SHORT_LINE + " characters."),
        Signal.ratio("char_dup_ratio", "Characters of non-blank lines that repeat an earlier line, per character "
            + "of text without line breaks."),
        Signal.ratio("newline_word_ratio", "Line breaks per word."));
  }

  @Override
  public void tag(FilterDoc doc, Signals out) {
    String text = doc.text();
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    int punct = 0;
    int shortLines = 0;
    for (String line : lines) {
      if (!line.isEmpty() && isTerminal(line.charAt(line.length() - 1))) {
        punct++;
      }
      if (line.length() <= SHORT_LINE) {
        shortLines++;
      }
    }
    int breaks = (int) text.chars().filter(c -> c == '\n').count();
    long chars = text.length() - breaks;
    int n = lines.size();
    out.set("line_punct_ratio", n == 0 ? 0.0 : (double) punct / n)
        .set("short_line_ratio", n == 0 ? 0.0 : (double) shortLines / n)
        .set("char_dup_ratio", chars == 0 ? 0.0 : (double) GopherRepetition.duplicates(lines)[1] / chars)
        .set("newline_word_ratio", doc.words().isEmpty() ? breaks : (double) breaks / doc.words().size());
  }
}

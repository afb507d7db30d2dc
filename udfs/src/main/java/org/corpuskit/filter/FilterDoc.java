package org.corpuskit.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.corpuskit.text.Words;

/**
 * A document as taggers see it: its text and URL, and the splits several taggers need, each made once and only
 * when asked for. Words come from the shared language-aware splitter, so Chinese, Japanese and Thai have words
 * too. Not thread-safe; one per document.
 */
public final class FilterDoc {

  private final String text;
  private final String url;
  private final String lang;
  private final Words words;
  private List<String> wordList;
  private List<String> lowerWords;
  private List<String> lines;
  private List<String> paragraphs;

  /** A document of undetermined language; {@code words} is the splitter, owned by the calling task. */
  public FilterDoc(String text, String url, Words words) {
    this(text, url, "", words);
  }

  /**
   * @param lang the detected language code, or empty when undetermined
   * @param words the splitter for that language, owned by the calling task
   */
  public FilterDoc(String text, String url, String lang, Words words) {
    if (text == null || url == null || lang == null || words == null) {
      throw new IllegalArgumentException("text, url, lang and words must not be null");
    }
    this.text = text;
    this.url = url;
    this.lang = lang;
    this.words = words;
  }

  /** This document with {@code edited} as its text: what the next editor sees. */
  public FilterDoc withText(String edited) {
    return new FilterDoc(edited, url, lang, words);
  }

  public String text() {
    return text;
  }

  public String url() {
    return url;
  }

  /** The detected language code, or empty when undetermined: it chose the word splitter and the lists. */
  public String lang() {
    return lang;
  }

  /** The word splitter of the document's language, for a tagger that splits pieces of the text itself. */
  public Words splitter() {
    return words;
  }

  /** Tokens holding a letter or digit; punctuation is not a word. */
  public List<String> words() {
    if (wordList == null) {
      wordList = words.split(text);
    }
    return wordList;
  }

  /** {@link #words()} in lower case (root locale), for the taggers that look words up in lists. */
  public List<String> lowerWords() {
    if (lowerWords == null) {
      List<String> lower = new ArrayList<>(words().size());
      for (String word : words()) {
        lower.add(word.toLowerCase(Locale.ROOT));
      }
      lowerWords = Collections.unmodifiableList(lower);
    }
    return lowerWords;
  }

  /** The text split on line breaks, as Gopher's repetition measure does: runs of breaks count once. */
  public List<String> lines() {
    if (lines == null) {
      lines = splitAtNewlines(text, 1);
    }
    return lines;
  }

  /** The stripped text split on blank lines. */
  public List<String> paragraphs() {
    if (paragraphs == null) {
      paragraphs = splitAtNewlines(text.strip(), 2);
    }
    return paragraphs;
  }

  /**
   * Splits at each run of at least {@code minRun} line breaks, as {@code split("\n{minRun,}", -1)} would: a text
   * starting or ending with such a run has an empty first or last piece.
   */
  private static List<String> splitAtNewlines(String text, int minRun) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    int i = text.indexOf('\n');
    while (i >= 0) {
      int run = i;
      while (run < text.length() && text.charAt(run) == '\n') {
        run++;
      }
      if (run - i >= minRun) {
        pieces.add(text.substring(start, i));
        start = run;
      }
      i = text.indexOf('\n', run);
    }
    pieces.add(text.substring(start));
    return Collections.unmodifiableList(pieces);
  }
}

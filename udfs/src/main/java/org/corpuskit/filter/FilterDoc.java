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
  private final Words words;
  private List<String> wordList;
  private List<String> lowerWords;
  private List<String> lines;
  private List<String> paragraphs;

  /** @param words the splitter for the document's language, owned by the calling task */
  public FilterDoc(String text, String url, Words words) {
    if (text == null || url == null || words == null) {
      throw new IllegalArgumentException("text, url and words must not be null");
    }
    this.text = text;
    this.url = url;
    this.words = words;
  }

  public String text() {
    return text;
  }

  public String url() {
    return url;
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

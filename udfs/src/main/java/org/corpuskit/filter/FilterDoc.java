package org.corpuskit.filter;

import java.util.List;
import java.util.regex.Pattern;
import org.corpuskit.text.Words;

/**
 * A document as taggers see it: its text and URL, and the splits several taggers need, each made once and only
 * when asked for. Words come from the shared language-aware splitter, so Chinese, Japanese and Thai have words
 * too. Not thread-safe; one per document.
 */
public final class FilterDoc {
  private static final Pattern NEWLINES = Pattern.compile("\n+");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n{2,}");

  private final String text;
  private final String url;
  private final Words words;
  private List<String> wordList;
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

  /** The text split on line breaks, as Gopher's repetition measure does: runs of breaks count once. */
  public List<String> lines() {
    if (lines == null) {
      lines = List.of(NEWLINES.split(text, -1));
    }
    return lines;
  }

  /** The stripped text split on blank lines. */
  public List<String> paragraphs() {
    if (paragraphs == null) {
      paragraphs = List.of(PARAGRAPH_BREAK.split(text.strip(), -1));
    }
    return paragraphs;
  }
}

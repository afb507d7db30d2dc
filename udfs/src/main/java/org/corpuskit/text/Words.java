package org.corpuskit.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words with ICU's word break iterator: Unicode word boundaries (UAX #29) for scripts written
 * with spaces, and ICU's dictionaries for those written without (Chinese, Japanese, Thai, Lao, Khmer, Burmese).
 * Only tokens holding a letter or a decimal digit are words; spaces, punctuation and emoji are not. ICU picks a
 * dictionary by script, not by locale, so a Thai passage in a page tagged English is still split (the JDK's
 * iterator splits no Chinese, and Thai only under a Thai locale: docs/decisions.md).
 *
 * <p>Not thread-safe: an instance holds one ICU iterator, which keeps its position in the current text. Make one
 * per thread or Spark task. In a JVM, the first instance loads ICU's rules (about 50 ms) and the first text in a
 * dictionary script loads that dictionary (70 ms for Chinese and Japanese); later instances clone ICU's cached
 * iterator, about a microsecond each.
 */
public final class Words {
  private final BreakIterator iterator;
  private Cursor current;

  /** Words by the rules of {@code locale}; {@link ULocale#ROOT} when the language is unknown. */
  public Words(ULocale locale) {
    if (locale == null) {
      throw new IllegalArgumentException("locale must not be null");
    }
    iterator = BreakIterator.getWordInstance(locale);
  }

  /** The words of {@code text}, in order. */
  public List<String> split(CharSequence text) {
    Cursor words = cursor(text);
    List<String> out = new ArrayList<>();
    while (words.next()) {
      out.add(text.subSequence(words.start(), words.end()).toString());
    }
    return out;
  }

  /**
   * The words of {@code text} as char offsets, for callers that need no strings. The cursor is valid until the
   * next call to {@link #split} or {@code cursor} on this instance; using it after that throws.
   */
  public Cursor cursor(CharSequence text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    iterator.setText(text);
    current = new Cursor(text, iterator.first());
    return current;
  }

  /** Moves over the words of one text: while {@link #next()} is true, the word is {@code [start(), end())}. */
  public final class Cursor {
    private final CharSequence text;
    private int boundary;
    private int start;
    private int end;

    private Cursor(CharSequence text, int boundary) {
      this.text = text;
      this.boundary = boundary;
    }

    /** Moves to the next word; false when there is none. */
    public boolean next() {
      if (current != this) {
        throw new IllegalStateException("this Words has been given another text since the cursor was made");
      }
      for (int to = iterator.next(); to != BreakIterator.DONE; to = iterator.next()) {
        int from = boundary;
        boundary = to;
        if (hasLetterOrDigit(text, from, to)) {
          start = from;
          end = to;
          return true;
        }
      }
      return false;
    }

    /** Where the current word starts, in chars. */
    public int start() {
      return start;
    }

    /** Where the current word ends (exclusive), in chars. */
    public int end() {
      return end;
    }
  }

  // ICU's rule status would be cheaper, but it calls "___" a word and the iteration mark 々 none.
  private static boolean hasLetterOrDigit(CharSequence text, int from, int to) {
    for (int i = from; i < to; ) {
      int c = Character.codePointAt(text, i);
      if (UCharacter.isLetterOrDigit(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }
}

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
  private final byte[] asciiClass;
  private Cursor current;

  /** Words by the rules of {@code locale}; {@link ULocale#ROOT} when the language is unknown. */
  public Words(ULocale locale) {
    if (locale == null) {
      throw new IllegalArgumentException("locale must not be null");
    }
    iterator = BreakIterator.getWordInstance(locale);
    asciiClass = asciiClasses(iterator);
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
    current = new Cursor(text);
    return current;
  }

  /**
   * Moves over the words of one text: while {@link #next()} is true, the word is {@code [start(), end())}.
   *
   * <p>White space always separates words (no UAX #29 rule joins across it), so the text is taken a
   * space-separated chunk at a time. A chunk of ASCII and plain letters of the Latin, Greek and Cyrillic blocks
   * (precomposed letters whose UAX #29 class is ALetter, which join as ASCII letters do), most chunks of most web
   * text, is split here by the UAX #29 rules as they apply to those, about five times faster than ICU; ICU splits
   * the runs of chunks that hold any other character. WordsTest checks both ways agree on real and random text.
   */
  public final class Cursor {
    private final CharSequence text;
    private int position;
    private int chunkEnd;
    private boolean inIcu;
    private int icuStart;
    private int icuEnd;
    private int boundary;
    private int start;
    private int end;

    private Cursor(CharSequence text) {
      this.text = text;
    }

    /** Moves to the next word; false when there is none. */
    public boolean next() {
      if (current != this) {
        throw new IllegalStateException("this Words has been given another text since the cursor was made");
      }
      while (true) {
        if (inIcu) {
          if (nextIcuWord()) {
            return true;
          }
          inIcu = false;
          position = icuEnd;
        } else if (position < chunkEnd) {
          if (nextAsciiWord()) {
            return true;
          }
        } else if (!nextChunk()) {
          return false;
        }
      }
    }

    /** Where the current word starts, in chars. */
    public int start() {
      return start;
    }

    /** Where the current word ends (exclusive), in chars. */
    public int end() {
      return end;
    }

    /** Finds the next chunk: an ASCII one to split here, or a run of others for ICU; false at the end. */
    private boolean nextChunk() {
      int length = text.length();
      while (position < length && isSpace(text.charAt(position))) {
        position++;
      }
      if (position == length) {
        return false;
      }
      int chunk = chunkAfter(position);
      if (chunk > 0) {
        chunkEnd = chunk;
        return true;
      }
      int runEnd = -chunk;
      while (true) {
        int next = runEnd;
        while (next < length && isSpace(text.charAt(next))) {
          next++;
        }
        int following = next < length ? chunkAfter(next) : 0;
        if (following >= 0) {
          break;
        }
        runEnd = -following;
      }
      icuStart = position;
      icuEnd = runEnd;
      iterator.setText(text.subSequence(icuStart, icuEnd));
      boundary = iterator.first();
      inIcu = true;
      return true;
    }

    /** The end of the chunk starting at {@code from}: positive for a chunk split here, negated otherwise. */
    private int chunkAfter(int from) {
      boolean simple = true;
      int i = from;
      for (char c; i < text.length() && !isSpace(c = text.charAt(i)); i++) {
        simple &= c < 128 || c < PLAIN_LETTERS.length && PLAIN_LETTERS[c];
      }
      return simple ? i : -i;
    }

    private boolean nextIcuWord() {
      for (int to = iterator.next(); to != BreakIterator.DONE; to = iterator.next()) {
        int from = boundary;
        boundary = to;
        if (hasLetterOrDigit(text, icuStart + from, icuStart + to)) {
          start = icuStart + from;
          end = icuStart + to;
          return true;
        }
      }
      return false;
    }

    /**
     * UAX #29 on ASCII: letters, digits and {@code _} join each other (WB5, WB8-10, WB13a-b); a MidLetter or
     * MidNumLet between two letters joins them (WB6-7), a MidNum or MidNumLet between two digits (WB11-12).
     * Every other character is a token of its own, and not a word.
     */
    private boolean nextAsciiWord() {
      int i = position;
      while (i < chunkEnd) {
        int first = classOf(text.charAt(i));
        if (first == 0 || first > UNDERSCORE) {
          i++;
          continue;
        }
        int from = i;
        boolean letterOrDigit = false;
        while (i < chunkEnd) {
          int here = classOf(text.charAt(i));
          if (here != 0 && here <= UNDERSCORE) {
            letterOrDigit |= here != UNDERSCORE;
            i++;
            continue;
          }
          int before = classOf(text.charAt(i - 1));
          int after = i + 1 < chunkEnd ? classOf(text.charAt(i + 1)) : 0;
          boolean joinsLetters = before == LETTER && after == LETTER && (here == MID_BOTH || here == MID_LETTER);
          boolean joinsDigits = before == DIGIT && after == DIGIT && (here == MID_BOTH || here == MID_NUM);
          if (!joinsLetters && !joinsDigits) {
            break;
          }
          i += 2;
        }
        if (letterOrDigit) {
          start = from;
          end = i;
          position = i;
          return true;
        }
      }
      position = chunkEnd;
      return false;
    }
  }

  /** In a chunk split here, a character past ASCII is a plain letter. */
  private int classOf(char c) {
    return c < 128 ? asciiClass[c] : LETTER;
  }

  /**
   * The characters past ASCII, up to the end of the Cyrillic Supplement, that a chunk split here may hold:
   * letters whose UAX #29 class is ALetter (so no combining mark, format character or MidLetter such as the
   * middle dot is among them; a chunk holding one of those goes to ICU). Every locale's rules treat these alike.
   */
  private static final boolean[] PLAIN_LETTERS = plainLetters();

  private static boolean[] plainLetters() {
    boolean[] plain = new boolean[0x0530];
    for (char c = 128; c < plain.length; c++) {
      plain[c] = UCharacter.isLetter(c)
          && UCharacter.getIntPropertyValue(c, com.ibm.icu.lang.UProperty.WORD_BREAK)
              == UCharacter.WordBreak.ALETTER;
    }
    return plain;
  }

  private static final int LETTER = 1;
  private static final int DIGIT = 2;
  private static final int UNDERSCORE = 3;
  /** Joins two letters and two digits, as {@code .} and {@code '} do (MidNumLet). */
  private static final int MID_BOTH = 4;
  /** Joins two digits only, as {@code ,} does (MidNum). */
  private static final int MID_NUM = 5;
  /** Joins two letters only, as {@code :} does under the root locale (MidLetter). */
  private static final int MID_LETTER = 6;

  /**
   * The class of each ASCII character for the fast path. Which punctuation joins letters or digits is asked of
   * the locale's own ICU iterator (a few microseconds, once per instance), so that a locale whose rules differ,
   * as en_US_POSIX's do for {@code .}, gets its own.
   */
  private static byte[] asciiClasses(BreakIterator iterator) {
    byte[] classes = new byte[128];
    for (char c = '!'; c <= '~'; c++) {
      if (Character.isLetter(c)) {
        classes[c] = LETTER;
      } else if (Character.isDigit(c)) {
        classes[c] = DIGIT;
      } else if (c == '_') {
        classes[c] = UNDERSCORE;
      } else {
        boolean letters = joins(iterator, "a" + c + "a");
        boolean digits = joins(iterator, "1" + c + "1");
        classes[c] = (byte) (letters && digits ? MID_BOTH : letters ? MID_LETTER : digits ? MID_NUM : 0);
      }
    }
    return classes;
  }

  private static boolean joins(BreakIterator iterator, String text) {
    iterator.setText(text);
    iterator.first();
    return iterator.next() == text.length();
  }

  /** ASCII white space: no word holds it, and no rule joins across it. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
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

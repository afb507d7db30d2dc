package org.corpuskit.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written splitter against Java's regular expression engine running the pattern it implements. */
class Cl100kSplitterTest {
  private static final Pattern REGEX = Pattern.compile(Cl100kSplitter.PATTERN, Pattern.UNICODE_CHARACTER_CLASS);

  /** Letters, digits, marks, every kind of white space, apostrophes before contraction letters, emoji. */
  private static final String ALPHABET = "aZsStTdDmMlLvVrReE\u017f\u00e9\u4e2d\u0301\u0663\u2163\u00bd079"
      + "'''  \t\n\r\u000b\u000c\u0085\u00a0\u1680\u2003\u2028\u2029\u202f\u3000\u001c.,!?-_/\"\u00a7";

  @Test
  void piecesAreThoseTheRegularExpressionMatches() {
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(24);
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(ALPHABET.length() + 3);
        if (pick == ALPHABET.length()) {
          text.append("\ud83d\ude00");
        } else if (pick == ALPHABET.length() + 1) {
          text.append('\ud800');
        } else if (pick == ALPHABET.length() + 2) {
          text.append('\udc00');
        } else {
          text.append(ALPHABET.charAt(pick));
        }
      }
      String string = text.toString();
      assertEquals(regexPieces(string), pieces(string), () -> escaped(string));
    }
  }

  @Test
  void contractionsTakeTheirCaseFoldedForms() {
    assertEquals(List.of("'S", "'LL", "'\u017f", "'Re", " '", "x"), pieces("'S'LL'\u017f'Re 'x"));
    assertEquals(regexPieces("'S'LL'\u017f'Re 'x"), pieces("'S'LL'\u017f'Re 'x"));
  }

  @Test
  void whiteSpaceEndsAtItsLastNewlineOrLeavesOneSpaceForTheNextWord() {
    assertEquals(List.of("a", " \n\n", "  ", " b", "   "), pieces("a \n\n   b   "));
  }

  private static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    for (int start = 0, end; start < text.length(); start = end) {
      end = Cl100kSplitter.pieceEnd(text, start);
      pieces.add(text.substring(start, end));
    }
    return pieces;
  }

  private static List<String> regexPieces(String text) {
    List<String> pieces = new ArrayList<>();
    Matcher matcher = REGEX.matcher(text);
    while (matcher.find()) {
      pieces.add(matcher.group());
    }
    return pieces;
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c < 128 && c >= 32 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return out.toString();
  }
}

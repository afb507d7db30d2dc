package org.corpuskit.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntBiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written splitters against Java's regular expression engine running the patterns they implement. */
class SplittersTest {
  private static final Map<String, String> PATTERNS = Map.of("cl100k", Cl100kSplitter.PATTERN,
      "o200k", O200kSplitter.PATTERN);
  private static final Map<String, ToIntBiFunction<String, Integer>> SPLITTERS = Map.of(
      "cl100k", Cl100kSplitter::pieceEnd, "o200k", O200kSplitter::pieceEnd);

  /**
   * Upper, lower, title-case, modifier and other letters, non-spacing, spacing and enclosing marks, numbers,
   * apostrophes before contraction letters, slashes, every kind of white space; then an emoji, an upper-case
   * letter outside the BMP and unpaired surrogates.
   */
  private static final String ALPHABET = "aZsStTdDmMlLvVrReE\u017f\u01c5\u02b0\u3005\u4e2d\u05d0\u00e9\u00c9"
      + "\u0301\u0903\u20dd\u0663\u2163\u00bd079'''  /.,!?-_\"\u00a7\t\n\r\u000b\u000c\u0085\u00a0\u1680\u2003"
      + "\u2028\u2029\u202f\u3000\u001c";
  private static final String[] EXTRA = {"\ud83d\ude00", "\ud835\udc00", "\ud800", "\udc00"};

  @ParameterizedTest
  @ValueSource(strings = {"cl100k", "o200k"})
  void piecesAreThoseTheRegularExpressionMatches(String encoding) {
    Pattern regex = Pattern.compile(PATTERNS.get(encoding), Pattern.UNICODE_CHARACTER_CLASS);
    Random random = new Random(7);
    for (int n = 0; n < 30_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(24);
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(ALPHABET.length() + EXTRA.length);
        text.append(pick < ALPHABET.length() ? String.valueOf(ALPHABET.charAt(pick))
            : EXTRA[pick - ALPHABET.length()]);
      }
      String string = text.toString();
      assertEquals(regexPieces(regex, string), pieces(encoding, string), () -> escaped(string));
    }
  }

  @Test
  void cl100kContractionsTakeTheirCaseFoldedForms() {
    assertEquals(List.of("'S", "'LL", "'\u017f", "'Re", " '", "x"), pieces("cl100k", "'S'LL'\u017f'Re 'x"));
  }

  @Test
  void whiteSpaceEndsAtItsLastNewlineOrLeavesOneSpaceForTheNextWord() {
    assertEquals(List.of("a", " \n\n", "  ", " b", "   "), pieces("cl100k", "a \n\n   b   "));
  }

  @Test
  void o200kWordsSplitWhereLowerCaseTurnsUpperAndKeepTheirContraction() {
    assertEquals(List.of("camel", "Case", " HTTPServer", " don't", " I'LL"),
        pieces("o200k", "camelCase HTTPServer don't I'LL"));
  }

  @Test
  void o200kMakesAMarkBeforeAnUpperCaseLetterAPieceOfItsOwn() {
    assertEquals(List.of("\u0301", "A", " "), pieces("o200k", "\u0301A "));
  }

  private static List<String> pieces(String encoding, String text) {
    List<String> pieces = new ArrayList<>();
    for (int start = 0, end; start < text.length(); start = end) {
      end = SPLITTERS.get(encoding).applyAsInt(text, start);
      pieces.add(text.substring(start, end));
    }
    return pieces;
  }

  private static List<String> regexPieces(Pattern regex, String text) {
    List<String> pieces = new ArrayList<>();
    Matcher matcher = regex.matcher(text);
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

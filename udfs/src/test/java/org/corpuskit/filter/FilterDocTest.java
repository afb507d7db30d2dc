package org.corpuskit.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.util.ULocale;
import java.util.List;
import org.corpuskit.text.Words;
import org.junit.jupiter.api.Test;

class FilterDocTest {
  private static final List<String> TEXTS = List.of("", "one", "\n", "\n\n\n", "a\nb", "a\n\n\nb\n", "\na\n\nb\n\n",
      "  a\n \n\nb  ", "a\r\n\r\nb");

  private static FilterDoc doc(String text) {
    return new FilterDoc(text, "", new Words(ULocale.ROOT));
  }

  @Test
  void linesSplitAtEachRunOfLineBreaksAsGophersRegexDoes() {
    for (String text : TEXTS) {
      assertEquals(List.of(text.split("\n+", -1)), doc(text).lines(), () -> "text: " + text.replace("\n", "\\n"));
    }
  }

  @Test
  void paragraphsSplitTheStrippedTextAtBlankLines() {
    for (String text : TEXTS) {
      assertEquals(List.of(text.strip().split("\n{2,}", -1)), doc(text).paragraphs(),
          () -> "text: " + text.replace("\n", "\\n"));
    }
  }
}

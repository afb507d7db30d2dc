package org.corpuskit.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.corpuskit.SharedData;
import org.corpuskit.lang.LanguageIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The language identifier's accuracy floors on the UDHR paragraphs of 200 characters or more. The full table,
 * with Lingua beside it, is docs/lang-accuracy.md (see docs/benchmarks.md for the command).
 */
class LanguageAccuracyTest {
  @Test
  void reaches099OnTheTwentyMostCommonWebLanguages() {
    Path udhr = SharedData.require("lang/udhr");
    LanguageIdentifier identifier = LanguageIdentifier.ofAllLanguages();
    List<UdhrParagraph> paragraphs = LanguageEval.paragraphs(udhr, LanguageEval.MIN_CHARS, Integer.MAX_VALUE);
    LanguageAccuracy accuracy = LanguageEval.evaluate(paragraphs, identifier.languages(),
        text -> identifier.identify(text).language());

    double top = accuracy.over(LanguageEval.TOP_WEB_LANGUAGES);
    assertTrue(top >= 0.99, "top-20 accuracy " + top);
    // The rest is lost mostly to pages in scripts their language's model does not know (docs/lang-accuracy.md).
    assertTrue(accuracy.overall() >= 0.94, "overall " + accuracy.overall());
  }
}

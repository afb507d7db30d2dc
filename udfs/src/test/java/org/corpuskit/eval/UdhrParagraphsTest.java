package org.corpuskit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UdhrParagraphsTest {
  @Test
  void theLabelIsReadByAttributeNameAndParagraphsLoseTheirTags(@TempDir Path udhr) throws IOException {
    Files.createDirectories(udhr.resolve("declaration"));
    Files.writeString(udhr.resolve("declaration/est.html"), "<!doctype html>\n"
        + "<html lang=\"et\" dir=\"ltr\" data-iso6393=\"ekk\" data-code=\"est\"><head><title>Estonian</title></head>"
        + "<body><h1>Title</h1><p>Kõigil <em>inimestel</em> on   õigus.</p><p></p>"
        + "<ol><li><p>Teine &amp; lõik</p></li></ol></body></html>");

    assertEquals(List.of(new UdhrParagraph("est", "ekk", "Kõigil inimestel on õigus."),
        new UdhrParagraph("est", "ekk", "Teine & lõik")), UdhrParagraphs.load(udhr));
  }

  @Test
  void individualCodesBecomeTheirMacrolanguageInTheDetectorsCodes() {
    assertEquals("ar", UdhrLabels.language("arb"));
    assertEquals("et", UdhrLabels.language("ekk"));
    assertEquals("zh", UdhrLabels.language("cmn"));
    assertEquals("ms", UdhrLabels.language("zlm"));
    assertEquals("id", UdhrLabels.language("ind"));
    assertEquals("de", UdhrLabels.language("deu"));
    assertEquals("nb", UdhrLabels.language("nob"));
    assertEquals("fil", UdhrLabels.language("fil"));
  }
}

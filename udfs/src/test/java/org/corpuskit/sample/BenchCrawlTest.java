package org.corpuskit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCrawlTest {
  private static final String PAGE = "<html><head><title>Station notes</title><script>var counter = 1;</script>"
      + "</head><body><p class=\"article\">The harbour committee approved the new ferry timetable — "
      + "naïve café owners cheered.</p></body></html>";

  private static String vary(String page, long copy) {
    return new String(BenchCrawl.vary(page.getBytes(StandardCharsets.UTF_8), copy), StandardCharsets.UTF_8);
  }

  @Test
  void markupShortWordsAndNonAsciiTextStayAndLongWordsChange() {
    String varied = vary(PAGE, 1);
    assertTrue(varied.startsWith("<html><head><title>"), varied);
    assertTrue(varied.contains("<p class=\"article\">The "), varied);
    assertTrue(varied.contains(" the new "), varied);
    assertTrue(varied.contains("naïve café"), varied);
    assertTrue(!varied.contains("harbour") && !varied.contains("committee"), varied);
  }

  @Test
  void eachCopyVariesTheSameWordItsOwnWayAndTheSameCopyAlwaysAlike() {
    assertEquals(vary(PAGE, 7), vary(PAGE, 7));
    assertNotEquals(vary(PAGE, 7), vary(PAGE, 8));
  }

  @Test
  void aFileHoldsAtLeastTheTargetInGzipMembers() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long records = BenchCrawl.write(out, List.of(PAGE.getBytes(StandardCharsets.UTF_8)), 0, 20_000);
    assertTrue(out.size() >= 20_000);
    assertTrue(records > 10, "records: " + records);
    byte[] bytes = out.toByteArray();
    assertEquals(0x1f, bytes[0] & 0xff);
    assertEquals(0x8b, bytes[1] & 0xff);
  }
}

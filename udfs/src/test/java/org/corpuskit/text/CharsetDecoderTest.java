package org.corpuskit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDecoderTest {
  private static final String RUSSIAN = "<html><body><p>Городская библиотека работает по субботам.</p></body></html>";

  @Test
  void aByteOrderMarkWinsOverEveryLabel() {
    byte[] bytes = ("\uFEFF" + "<p>café</p>").getBytes(StandardCharsets.UTF_8);
    CharsetDecoder.Decoded decoded = CharsetDecoder.decode(bytes, "text/html; charset=iso-8859-1");
    assertEquals("UTF-8", decoded.charset());
    assertEquals("<p>café</p>", decoded.text());
  }

  @Test
  void theHttpHeaderCharsetIsUsedWhenTheBytesAgree() {
    byte[] bytes = RUSSIAN.getBytes(Charset.forName("windows-1251"));
    CharsetDecoder.Decoded decoded = CharsetDecoder.decode(bytes, "text/html; charset=windows-1251");
    assertEquals("windows-1251", decoded.charset());
    assertEquals(RUSSIAN, decoded.text());
  }

  @Test
  void theMetaCharsetIsUsedWithoutAHeader() {
    String html = "<html><head><meta charset=\"koi8-r\"></head><body>Привет, мир</body></html>";
    CharsetDecoder.Decoded decoded = CharsetDecoder.decode(html.getBytes(Charset.forName("KOI8-R")), null);
    assertEquals("KOI8-R", decoded.charset());
    assertTrue(decoded.text().contains("Привет, мир"));
  }

  @Test
  void aUtf8LabelOnBytesThatAreNotUtf8GivesWayToDetection() {
    byte[] bytes = (RUSSIAN + RUSSIAN + RUSSIAN).getBytes(Charset.forName("windows-1251"));
    CharsetDecoder.Decoded decoded = CharsetDecoder.decode(bytes, "text/html; charset=utf-8");
    assertEquals("windows-1251", decoded.charset());
    assertTrue(decoded.text().contains("библиотека"));
  }

  @Test
  void aLatin1LabelOnValidMultiByteUtf8GivesWayToUtf8() {
    byte[] bytes = "<p>Straße, café, naïve</p>".getBytes(StandardCharsets.UTF_8);
    assertEquals("<p>Straße, café, naïve</p>", CharsetDecoder.decode(bytes, "text/html; charset=ISO-8859-1").text());
  }

  @Test
  void latin1MeansWindows1252AsInBrowsers() {
    byte[] bytes = {'<', 'p', '>', (byte) 0x93, 'q', (byte) 0x94, '<', '/', 'p', '>'};
    assertEquals("<p>\u201cq\u201d</p>", CharsetDecoder.decode(bytes, "text/html; charset=iso-8859-1").text());
  }

  @Test
  void invalidBytesBecomeReplacementCharactersAndNeverFail() {
    // 0x81 starts a two-byte Shift_JIS character and '(' cannot end one, so 0x81 alone is invalid.
    byte[] bytes = {'<', 'p', '>', (byte) 0x81, '(', 'x', '<', '/', 'p', '>'};
    CharsetDecoder.Decoded decoded = CharsetDecoder.decode(bytes, "text/html; charset=shift_jis");
    assertEquals("Shift_JIS", decoded.charset());
    assertEquals("<p>\uFFFD(x</p>", decoded.text());
  }

  @Test
  void anUnknownLabelIsIgnored() {
    byte[] bytes = "<p>plain</p>".getBytes(StandardCharsets.US_ASCII);
    assertEquals("UTF-8", CharsetDecoder.decode(bytes, "text/html; charset=no-such-charset").charset());
  }

  private static byte[] withByteAfter(String text, String marker, int stray) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int at = text.substring(0, text.indexOf(marker) + marker.length()).getBytes(StandardCharsets.UTF_8).length;
    byte[] bytes = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, bytes, 0, at);
    bytes[at] = (byte) stray;
    System.arraycopy(utf8, at, bytes, at + 1, utf8.length - at);
    return bytes;
  }

  @Test
  void aUtf8PageWithOneInvalidByteStaysUtf8AndOnlyThatByteIsReplaced() {
    String page = "<html><head><meta charset=\"utf-8\"></head><body><p>Москва — столица России. "
        + "Мы пили кофе в café на углу.</p></body></html>";
    byte[] bytes = withByteAfter(page, "столица", 0xFF);
    for (String header : new String[] {"text/html; charset=UTF-8", null}) {
      CharsetDecoder.Decoded decoded = CharsetDecoder.decode(bytes, header);
      assertEquals(page.replace("столица", "столица\uFFFD"), decoded.text(), String.valueOf(header));
      assertEquals("UTF-8", decoded.charset());
      assertEquals(1, decoded.invalidBytes());
    }
  }

  @Test
  void aPageThatIsMostlyNotUtf8IsDecodedInItsOwnCharset() {
    String page = "<p>Le café était très animé, même à l'aube; déjà les élèves arrivaient.</p>";
    CharsetDecoder.Decoded decoded = CharsetDecoder.decode(page.getBytes(Charset.forName("windows-1252")),
        "text/html; charset=utf-8");
    assertEquals(page, decoded.text());
    assertEquals(0, decoded.invalidBytes());
  }

  @Test
  void theThresholdIsOneInvalidByteInTenNonAsciiBytes() {
    assertTrue(CharsetDecoder.isMostlyUtf8(new Utf8Scan(10, 1)));
    assertTrue(!CharsetDecoder.isMostlyUtf8(new Utf8Scan(9, 1)));
  }

  @Test
  void theScanCountsOnlyBytesOutsideWellFormedSequences() {
    assertEquals(new Utf8Scan(0, 0), Utf8Scan.of("plain".getBytes(StandardCharsets.UTF_8)));
    assertEquals(new Utf8Scan(5, 0), Utf8Scan.of("é€".getBytes(StandardCharsets.UTF_8)));
    assertEquals(new Utf8Scan(3, 3), Utf8Scan.of(new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xED}));
    assertEquals(new Utf8Scan(3, 3), Utf8Scan.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        "an encoded surrogate is not UTF-8");
    assertEquals(new Utf8Scan(2, 2), Utf8Scan.of(new byte[] {'a', (byte) 0xE2, (byte) 0x82}),
        "a sequence cut off at the end");
  }
}

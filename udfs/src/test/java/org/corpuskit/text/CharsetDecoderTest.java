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
}

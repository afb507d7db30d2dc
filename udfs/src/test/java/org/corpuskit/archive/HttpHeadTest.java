package org.corpuskit.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpHeadTest {
  private static HttpHead parse(String block) throws HttpHead.MalformedException {
    byte[] bytes = block.getBytes(StandardCharsets.ISO_8859_1);
    return HttpHead.parse(bytes, bytes.length);
  }

  @Test
  void readsStatusHeadersAndWhereTheBodyStarts() throws Exception {
    String block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\nBODY";
    HttpHead head = parse(block);
    assertEquals(200, head.status());
    assertEquals("text/html; charset=utf-8", head.contentType());
    assertEquals("gzip", head.contentEncoding());
    assertFalse(head.chunked());
    assertEquals(block.indexOf("BODY"), head.bodyStart());
  }

  @Test
  void acceptsBareLineFeedsAnyHeaderCaseAndAMissingReason() throws Exception {
    HttpHead head = parse("HTTP/1.0 404\ncontent-TYPE:text/plain\nTRANSFER-ENCODING: Chunked\n\nx");
    assertEquals(404, head.status());
    assertEquals("text/plain", head.contentType());
    assertTrue(head.chunked());
  }

  @Test
  void theFirstOfRepeatedHeadersWinsAndFoldedLinesAreNotHeaders() throws Exception {
    HttpHead head = parse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n folded: line\r\nContent-Type: image/png\r\n\r\n");
    assertEquals("text/html", head.contentType());
    assertNull(head.contentEncoding());
  }

  @Test
  void aHeadWithoutABlankLineEndsWithTheBlock() throws Exception {
    HttpHead head = parse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n");
    assertEquals(200, head.status());
    assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n".length(), head.bodyStart());
  }

  @Test
  void aStatusLineThatIsNotHttpIsMalformed() {
    assertThrows(HttpHead.MalformedException.class, () -> parse("HTTP/1.1 two hundred OK\r\n\r\n"));
    assertThrows(HttpHead.MalformedException.class, () -> parse("20080430204825\nwww.archive.org. 589 IN A\n"));
    assertThrows(HttpHead.MalformedException.class, () -> parse("HTTP/1.1 2000 OK\r\n\r\n"));
    assertThrows(HttpHead.MalformedException.class, () -> parse("no line end at all"));
  }

  @Test
  void dechunksAndStopsAtABrokenChunk() {
    byte[] chunked = "4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals("Wikipedia".getBytes(StandardCharsets.US_ASCII), HttpHead.dechunk(chunked));
    byte[] cut = "4\r\nWiki\r\nzz\r\nrest".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals("Wiki".getBytes(StandardCharsets.US_ASCII), HttpHead.dechunk(cut));
    byte[] stored = "<!DOCTYPE html><p>stored de-chunked</p>".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(stored, HttpHead.dechunk(stored), "a body stored decoded is kept as it is");
    byte[] short_ = "ff\r\nonly a few bytes".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals("only a few bytes".getBytes(StandardCharsets.US_ASCII), HttpHead.dechunk(short_));
  }
}

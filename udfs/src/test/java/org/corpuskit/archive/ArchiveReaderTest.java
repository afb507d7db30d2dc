package org.corpuskit.archive;

import static org.corpuskit.archive.Archives.gz;
import static org.corpuskit.archive.Archives.htmlResponse;
import static org.corpuskit.archive.Archives.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.corpuskit.sample.WarcBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsGzippedAndPlainWarcsAlike() {
    byte[] one = htmlResponse(1, "https://a.example/1", page("first page"));
    byte[] two = htmlResponse(2, "https://a.example/2", page("second page"));
    Archives.Read gzipped = Archives.read(Archives.write(dir, "x.warc.gz", gz(one), gz(two)));
    Archives.Read plain = Archives.read(Archives.write(dir, "x.warc", one, two));
    assertEquals(List.of("https://a.example/1", "https://a.example/2"),
        gzipped.pages().stream().map(ArchivePage::url).toList());
    assertEquals(gzipped.pages().stream().map(ArchivePage::docId).toList(),
        plain.pages().stream().map(ArchivePage::docId).toList());
    assertEquals(0, gzipped.pages().get(0).offset());
    assertEquals(gz(one).length, gzipped.pages().get(1).offset());
  }

  @Test
  void skipsNonPagesWithTheirReason() {
    byte[] notFound = Archives.response(1, "https://a.example/404",
        WarcBytes.httpResponse(404, "text/html", WarcBytes.utf8(page("gone"))));
    byte[] image = Archives.response(2, "https://a.example/x.png",
        WarcBytes.httpResponse(200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));
    byte[] dns = WarcBytes.record("response", "urn:uuid:dns", Archives.DATE, "dns:a.example", "text/dns",
        WarcBytes.utf8("20240522080000\na.example. 300 IN A 192.0.2.1\n"));
    byte[] pdfAsHtml = Archives.response(3, "https://a.example/doc",
        WarcBytes.httpResponse(200, "text/html", new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}));
    byte[] request = WarcBytes.record("request", "urn:uuid:req", Archives.DATE, "https://a.example/",
        "application/http; msgtype=request", WarcBytes.utf8("GET / HTTP/1.1\r\n\r\n"));
    Archives.Read read = Archives.read(
        Archives.write(dir, "skips.warc.gz", gz(notFound), gz(image), gz(dns), gz(pdfAsHtml), gz(request)));
    assertEquals(List.of(SkipReason.HTTP_STATUS, SkipReason.NOT_HTML, SkipReason.NOT_HTTP, SkipReason.NOT_HTML,
        SkipReason.OTHER_RECORD_TYPE), read.skipped().stream().map(ReadEvent.Skipped::reason).toList());
  }

  @Test
  void sniffsHtmlServedWithoutOrWithAWrongContentType() {
    byte[] untyped = Archives.response(1, "https://a.example/1",
        WarcBytes.httpResponse(200, null, WarcBytes.utf8("<!DOCTYPE html>" + page("no content type"))));
    byte[] plainText = Archives.response(2, "https://a.example/2",
        WarcBytes.httpResponse(200, "text/plain", WarcBytes.utf8(page("labelled as text"))));
    byte[] realText = Archives.response(3, "https://a.example/3",
        WarcBytes.httpResponse(200, "text/plain", WarcBytes.utf8("just a text file")));
    Archives.Read read = Archives.read(Archives.write(dir, "sniff.warc", untyped, plainText, realText));
    assertEquals(2, read.pages().size());
    assertEquals(SkipReason.NOT_HTML, read.skipped().get(0).reason());
  }

  @Test
  void undoesChunkedTransferAndGzipDeflateAndBrotliContentEncodings() throws IOException {
    String html = page("encoded payload");
    byte[] body = WarcBytes.utf8(html);
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
      out.write(body);
    }
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(6, true))) {
      out.write(body);
    }
    String chunked = Integer.toHexString(10) + "\r\n" + html.substring(0, 10) + "\r\n"
        + Integer.toHexString(html.length() - 10) + "\r\n" + html.substring(10) + "\r\n0\r\n\r\n";
    byte[] chunkedHttp = WarcBytes.utf8("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        + chunked);
    // "<p>brotli</p>" as a brotli stream (RFC 7932): window bits 16, one uncompressed meta-block of 13 bytes
    // (MNIBBLES 4, MLEN-1 = 12, ISUNCOMPRESSED), then an empty last meta-block.
    byte[] brotli = {(byte) 0xC0, 0x00, 0x10, '<', 'p', '>', 'b', 'r', 'o', 't', 'l', 'i', '<', '/', 'p', '>', 0x03};
    Archives.Read read = Archives.read(Archives.write(dir, "enc.warc",
        Archives.response(1, "https://a.example/gzip",
            WarcBytes.httpResponse(200, "text/html", gzipped.toByteArray(), "Content-Encoding: gzip")),
        Archives.response(2, "https://a.example/deflate",
            WarcBytes.httpResponse(200, "text/html", deflated.toByteArray(), "Content-Encoding: deflate")),
        Archives.response(3, "https://a.example/chunked", chunkedHttp),
        Archives.response(4, "https://a.example/br",
            WarcBytes.httpResponse(200, "text/html", brotli, "Content-Encoding: br"))));
    assertEquals(List.of(html, html, html, "<p>brotli</p>"), read.pages().stream().map(page -> page.decoded().text()).toList());
  }

  @Test
  void keepsAPayloadStoredDecodedUnderAGzipHeaderAsItIs() {
    Archives.Read read = Archives.read(Archives.write(dir, "quirk.warc", Archives.response(1, "https://a.example/",
        WarcBytes.httpResponse(200, "text/html", WarcBytes.utf8(page("already decoded")), "Content-Encoding: gzip"))));
    assertEquals(page("already decoded"), read.pages().get(0).decoded().text());
  }

  @Test
  void decodesWithTheDeclaredCharset() {
    String html = "<html><body><p>Городская библиотека</p></body></html>";
    Archives.Read read = Archives.read(Archives.write(dir, "cp1251.warc", Archives.response(1, "https://a.example/",
        WarcBytes.httpResponse(200, "text/html; charset=windows-1251", html.getBytes(Charset.forName("windows-1251"))))));
    assertEquals("windows-1251", read.pages().get(0).decoded().charset());
    assertEquals(html, read.pages().get(0).decoded().text());
  }

  @Test
  void invalidBytesForTheDeclaredCharsetDoNotFailTheRecord() {
    byte[] body = {'<', 'p', '>', (byte) 0xFF, (byte) 0xFE, (byte) 0xC3, '<', '/', 'p', '>'};
    Archives.Read read = Archives.read(Archives.write(dir, "bad-bytes.warc",
        Archives.response(1, "https://a.example/", WarcBytes.httpResponse(200, "text/html; charset=utf-8", body))));
    assertEquals(1, read.pages().size());
    assertTrue(read.pages().get(0).decoded().text().startsWith("<p>"));
  }

  @Test
  void aRevisitIsSkippedAndAResourceWithHtmlIsAPage() {
    byte[] revisit = WarcBytes.record("revisit", "urn:uuid:r", Archives.DATE, "https://a.example/",
        "application/http; msgtype=response", WarcBytes.utf8("HTTP/1.1 200 OK\r\n\r\n"),
        "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest");
    byte[] resource = WarcBytes.record("resource", "urn:uuid:res", Archives.DATE, "file:///page.html", "text/html",
        WarcBytes.utf8(page("stored as a resource")));
    Archives.Read read = Archives.read(Archives.write(dir, "rr.warc.gz", gz(revisit), gz(resource)));
    assertEquals(SkipReason.REVISIT, read.skipped().get(0).reason());
    assertEquals(-1, read.pages().get(0).httpStatus());
  }

  @Test
  void aFileThatIsNotAnArchiveIsOneFailure() {
    Archives.Read read = Archives.read(Archives.write(dir, "notes.warc", WarcBytes.utf8("just some notes\n")));
    assertEquals(List.of(FailReason.NOT_AN_ARCHIVE), read.failures().stream().map(ReadEvent.Failure::reason).toList());
    assertEquals(0, read.failures().get(0).offset());
  }

  @Test
  void anHtmlPageGivenAsAnArchiveIsCalledAnHtmlPage() {
    Archives.Read read = Archives.read(Archives.write(dir, "page.warc",
        WarcBytes.utf8("<!DOCTYPE html>\n<html><body><p>Tide tables</p></body></html>\n")));
    assertEquals(List.of(FailReason.NOT_AN_ARCHIVE), read.failures().stream().map(ReadEvent.Failure::reason).toList());
    assertEquals("an HTML page, not a web archive (WARC, ARC or WET); corpus extract-html reads HTML files",
        read.failures().get(0).message());
  }

  @Test
  void randomBytesAreQuotedEscapedInTheMessage() {
    byte[] noise = new byte[600];
    new java.util.SplittableRandom(7).nextBytes(noise);
    noise[0] = 'x';
    Archives.Read read = Archives.read(Archives.write(dir, "noise.warc", noise));
    String message = read.failures().get(0).message();
    assertTrue(message.startsWith("not a web archive (WARC, ARC or WET): it starts with x"), message);
    assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), message);
  }

  @Test
  void anEmptyFileIsOneEmptyFileFailure() {
    for (String name : List.of("empty.warc.gz", "empty.warc")) {
      Archives.Read read = Archives.read(Archives.write(dir, name));
      assertEquals(List.of(FailReason.EMPTY_FILE), read.failures().stream().map(ReadEvent.Failure::reason).toList());
      assertEquals(0, read.failures().get(0).offset());
      assertEquals(1, read.summary().unreadable());
    }
  }

  @Test
  void aTruncatedGzipMemberFailsAndTheRecordsBeforeItAreKept() {
    byte[] good = gz(htmlResponse(1, "https://a.example/1", page("kept")));
    byte[] cut = gz(htmlResponse(2, "https://a.example/2", page("cut off in the middle of its gzip member")));
    byte[] half = java.util.Arrays.copyOf(cut, cut.length / 2);
    Archives.Read read = Archives.read(Archives.write(dir, "clipped.warc.gz", good, half));
    assertEquals(1, read.pages().size());
    assertEquals(FailReason.TRUNCATED_FILE, read.failures().get(0).reason());
  }

  @Test
  void garbageBetweenRecordsCostsNoRecord() {
    byte[] one = gz(htmlResponse(1, "https://a.example/1", page("before")));
    byte[] two = gz(htmlResponse(2, "https://a.example/2", page("after")));
    Archives.Read read = Archives.read(
        Archives.write(dir, "garbage.warc.gz", one, WarcBytes.utf8("some bytes that are no record"), two));
    assertEquals(2, read.pages().size());
    assertEquals(1, read.failures().size());
    assertEquals(1, read.summary().unreadable());
  }

  @Test
  void anIntactRecordAfterGarbageThatEndsInNoLineBreakIsRead() {
    byte[] one = htmlResponse(1, "https://a.example/1", page("before"));
    byte[] garbage = new byte[5000];
    new Random(5000).nextBytes(garbage);
    garbage[garbage.length - 1] = 'x';
    byte[] two = htmlResponse(2, "https://a.example/2", page("after"));
    Archives.Read read = Archives.read(Archives.write(dir, "garbage.warc", one, garbage, two));
    assertEquals(List.of("https://a.example/1", "https://a.example/2"),
        read.pages().stream().map(ArchivePage::url).toList());
    assertEquals(1, read.failures().size());
  }

  @Test
  void failureMessagesNameFileOffsetsLikeTheOffsetColumn() {
    List<byte[]> members = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      String tooShort = new String(htmlResponse(n, "https://a.example/" + n, page("length ten bytes too short")),
          StandardCharsets.UTF_8);
      int length = Integer.parseInt(tooShort.replaceFirst("(?s).*?Content-Length: (\\d+).*", "$1"));
      String shortened = tooShort.replaceFirst("Content-Length: \\d+", "Content-Length: " + (length - 10));
      members.add(gz(WarcBytes.utf8(shortened)));
    }
    members.add(gz(htmlResponse(4, "https://a.example/4", page("fine"))));
    Archives.Read read = Archives.read(Archives.write(dir, "short.warc.gz", members.toArray(byte[][]::new)));
    assertEquals(3, read.failures().size(), read.events().toString());
    for (ReadEvent.Failure failure : read.failures()) {
      assertTrue(failure.message().endsWith("after the record at " + failure.offset()), failure.toString());
    }
  }

  @Test
  void aContentLengthPastTheEndOfTheFileIsReportedAsSuchNotAsATruncatedFile() {
    byte[] bogus = WarcBytes.utf8(new String(htmlResponse(1, "https://a.example/1", page("claims 93 GiB")),
        StandardCharsets.UTF_8).replaceFirst("Content-Length: \\d+", "Content-Length: 99999999999"));
    byte[] next = htmlResponse(2, "https://a.example/2", page("next"));
    Archives.Read plain = Archives.read(Archives.write(dir, "bogus.warc", bogus, next));
    Archives.Read gzipped = Archives.read(Archives.write(dir, "bogus.warc.gz", gz(bogus), gz(next)));
    for (Archives.Read read : List.of(plain, gzipped)) {
      assertEquals(List.of(FailReason.LENGTH_PAST_END),
          read.failures().stream().map(ReadEvent.Failure::reason).toList());
      assertEquals(List.of("https://a.example/2"), read.pages().stream().map(ArchivePage::url).toList());
    }
  }

  @Test
  void memoryForARecordFollowsThePayloadLimitNotTheLengthItDeclares() {
    int limit = 1 << 20;
    byte[] record = WarcBytes.utf8(new String(htmlResponse(1, "https://a.example/1", page("claims 2 GB")),
        StandardCharsets.UTF_8).replaceFirst("Content-Length: \\d+", "Content-Length: 2000000000"));
    Path file = Archives.write(dir, "big-claim.warc", record);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    Archives.Read read = Archives.read(file, new ReaderConfig(limit, 1 << 20));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(List.of(FailReason.LENGTH_PAST_END), read.failures().stream().map(ReadEvent.Failure::reason).toList());
    // The reader's buffers and a copy or two of at most the limit; an array of the declared length would be 2 GB.
    assertTrue(allocated < 8L * limit, "allocated " + allocated + " bytes");
  }

  @Test
  void aMalformedWarcHeaderCostsOnlyItsRecord() {
    byte[] one = gz(htmlResponse(1, "https://a.example/1", page("before")));
    byte[] broken = gz(WarcBytes.utf8("WARC/1.0\r\nthis line is no header\r\n\r\n"));
    byte[] three = gz(htmlResponse(3, "https://a.example/3", page("after")));
    Archives.Read read = Archives.read(Archives.write(dir, "badheader.warc.gz", one, broken, three));
    assertEquals(2, read.pages().size());
    assertEquals(FailReason.MALFORMED_RECORD, read.failures().get(0).reason());
    assertEquals(one.length, read.failures().get(0).offset());
  }

  @Test
  void aMalformedHttpHeaderFailsItsRecordOnly() {
    byte[] bad = Archives.response(1, "https://a.example/1", WarcBytes.utf8("HTTP/1.1 two hundred\r\nbroken\r\n\r\nx"));
    byte[] good = htmlResponse(2, "https://a.example/2", page("fine"));
    Archives.Read read = Archives.read(Archives.write(dir, "badhttp.warc.gz", gz(bad), gz(good)));
    assertEquals(FailReason.MALFORMED_HTTP, read.failures().get(0).reason());
    assertEquals(1, read.pages().size());
  }

  @Test
  void aWrongContentLengthIsReportedOnceAndTheNextRecordIsRead() {
    String first = new String(htmlResponse(1, "https://a.example/1", page("length too long")), StandardCharsets.UTF_8)
        .replaceFirst("Content-Length: \\d+", "Content-Length: 5000");
    byte[] next = htmlResponse(2, "https://a.example/2", page("next"));
    Archives.Read plain = Archives.read(Archives.write(dir, "len.warc", WarcBytes.utf8(first), next));
    assertEquals(1, plain.failures().size(), plain.events().toString());
    assertTrue(plain.pages().stream().anyMatch(p -> p.url().equals("https://a.example/2")));
    Archives.Read gzipped = Archives.read(Archives.write(dir, "len.warc.gz", gz(WarcBytes.utf8(first)), gz(next),
        gz(htmlResponse(3, "https://a.example/3", page("third")))));
    assertEquals(1, gzipped.failures().size(), gzipped.events().toString());
    assertTrue(gzipped.pages().stream().anyMatch(p -> p.url().equals("https://a.example/3")));
  }

  @Test
  void aRecordCutShortFailsEvenWhenTheRecordAfterItIsBrokenToo() {
    byte[] cutShort = WarcBytes.utf8(new String(htmlResponse(1, "https://a.example/1", page("cut short")),
        StandardCharsets.UTF_8).replaceFirst("Content-Length: \\d+", "Content-Length: 5000"));
    byte[] noLength = WarcBytes.utf8("WARC/1.0\r\nWARC-Type: response\r\n\r\n");
    Archives.Read read = Archives.read(Archives.write(dir, "two-broken.warc", cutShort, noLength));
    assertEquals(List.of(0L, (long) cutShort.length), read.failures().stream().map(ReadEvent.Failure::offset).toList());
    assertEquals(Map.of("response", 1L), read.summary().recordTypes());
    assertEquals(1, read.summary().unreadable());
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aHugeRecordIsCutAtThePayloadLimitAndTheNextOneIsRead() throws IOException {
    Path file = dir.resolve("huge.warc");
    long bodyLength = 200L << 20;
    String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + bodyLength + "\r\n\r\n";
    String header = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:huge>\r\n"
        + "WARC-Date: 2024-05-22T08:00:00Z\r\nWARC-Target-URI: https://a.example/huge\r\n"
        + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + (http.length() + bodyLength)
        + "\r\n\r\n" + http + "<html><body><p>";
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(header.getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer words = ByteBuffer.wrap("lorem ipsum ".repeat(87381).getBytes(StandardCharsets.US_ASCII));
      long written = "<html><body><p>".length();
      while (written < bodyLength) {
        words.rewind().limit((int) Math.min(words.capacity(), bodyLength - written));
        written += out.write(words);
      }
      out.write(ByteBuffer.wrap(WarcBytes.utf8("\r\n\r\n")));
      out.write(ByteBuffer.wrap(htmlResponse(2, "https://a.example/after", page("after the huge one"))));
    }
    Archives.Read read = Archives.read(file, new ReaderConfig(1 << 20, 1 << 20));
    assertEquals(2, read.pages().size());
    assertTrue(read.pages().get(0).truncated());
    assertEquals(1 << 20, read.pages().get(0).payload().length);
    assertFalse(read.pages().get(1).truncated());
  }

  @Test
  void aRecordWithoutAnIdGetsAnIdFromItsUrlAndDate() {
    String record = new String(htmlResponse(1, "https://a.example/1", page("no id")), StandardCharsets.UTF_8)
        .replaceFirst("WARC-Record-ID: <[^>]+>\r\n", "");
    Archives.Read read = Archives.read(Archives.write(dir, "noid.warc", WarcBytes.utf8(record)));
    assertEquals(DocIds.fromCapture("https://a.example/1", "20240522080001"), read.pages().get(0).docId());
  }

  @Test
  void pagesCarryTheCrawlOfTheWarcinfoRecordAndTheIdentifiedLanguage() {
    byte[] warcinfo = WarcBytes.record("warcinfo", "urn:uuid:info", Archives.DATE, null, "application/warc-fields",
        WarcBytes.utf8("software: test\r\nisPartOf: CC-MAIN-2024-22\r\npublisher: Common Crawl\r\n"));
    byte[] wet = WarcBytes.record("conversion", "urn:uuid:wet-1", Archives.DATE, "https://a.example/1",
        "text/plain", WarcBytes.utf8("Texte déjà extrait. Already extracted text."),
        "WARC-Identified-Content-Language: fra,eng");
    ArchivePage page = Archives.read(Archives.write(dir, "x.warc.wet.gz", gz(warcinfo), gz(wet))).pages().get(0);
    assertEquals("CC-MAIN-2024-22", page.crawl());
    assertEquals("fra,eng", page.identifiedLanguage());
    ArchivePage bare = Archives.read(Archives.write(dir, "bare.warc", htmlResponse(1, "https://a.example/", page("x"))))
        .pages().get(0);
    assertEquals("", bare.crawl());
    assertEquals("", bare.identifiedLanguage());
  }

  @Test
  void aWetConversionKeepsTheIdOfTheResponseItCameFrom() {
    byte[] wet = WarcBytes.record("conversion", "urn:uuid:wet-1", Archives.DATE, "https://a.example/1",
        "text/plain", WarcBytes.utf8("Already extracted text."),
        "WARC-Refers-To: <urn:uuid:00000000-0000-0000-0000-000000000001>");
    Archives.Read read = Archives.read(Archives.write(dir, "x.warc.wet.gz", gz(wet)));
    ArchivePage page = read.pages().get(0);
    assertEquals(ArchivePage.Kind.TEXT, page.kind());
    assertEquals(DocIds.fromRecordId("urn:uuid:00000000-0000-0000-0000-000000000001"), page.docId());
    assertEquals(-1, page.httpStatus());
  }
}

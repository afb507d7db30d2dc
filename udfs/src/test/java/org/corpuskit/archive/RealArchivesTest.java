package org.corpuskit.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corpuskit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader against real archives from ../shared/data (skipped when it is absent). */
class RealArchivesTest {
  @TempDir
  Path dir;

  private static Archives.Read read(String relative) {
    return Archives.read(SharedData.require("warc/" + relative));
  }

  @Test
  void aCommonCrawlWarcAndItsWetGiveThePageTheSameId() {
    Archives.Read warc = read("commoncrawl-whirlwind/whirlwind.warc.gz");
    Archives.Read wet = read("commoncrawl-whirlwind/whirlwind.warc.wet.gz");
    assertEquals(1, warc.pages().size());
    assertEquals(1, wet.pages().size());
    assertEquals("https://an.wikipedia.org/wiki/Escopete", warc.pages().get(0).url());
    assertEquals(warc.pages().get(0).docId(), wet.pages().get(0).docId());
    assertEquals(ArchivePage.Kind.TEXT, wet.pages().get(0).kind());
  }

  @Test
  void aCommonCrawlExcerptReadsEveryResponse() {
    Archives.Read read = read("resiliparse/warcfile.warc.gz");
    assertEquals(16, read.pages().size());
    assertTrue(read.failures().isEmpty());
  }

  @Test
  void aBitFlippedInsideADeflateStreamFailsItsRecordAsAGzipChecksumError() throws IOException {
    byte[] bytes = Files.readAllBytes(SharedData.require("warc/resiliparse/warcfile.warc.gz"));
    // This bit lies in the deflate data of the member at 38503, which still inflates, with "is" turned into "-s"
    // in six places, among them "BONDTEK CHEMICALS L.L.C.is located"; only the member's CRC-32 tells.
    bytes[41035] ^= 1 << 6;
    Archives.Read read = Archives.read(Files.write(dir.resolve("flipped.warc.gz"), bytes));
    assertEquals(List.of(FailReason.GZIP_CHECKSUM), read.failures().stream().map(ReadEvent.Failure::reason).toList());
    assertEquals(38503, read.failures().get(0).offset());
    assertEquals(15, read.pages().size());
    assertTrue(read.pages().stream().noneMatch(p -> p.decoded().text().contains("L.L.C.-s located")));
  }

  @Test
  void aCommonCrawlPageNamesTheCrawlOfItsWarcinfoAndAWetPageItsIdentifiedLanguage() {
    ArchivePage warc = read("commoncrawl-whirlwind/whirlwind.warc.gz").pages().get(0);
    ArchivePage wet = read("commoncrawl-whirlwind/whirlwind.warc.wet.gz").pages().get(0);
    assertEquals("CC-MAIN-2024-22", warc.crawl());
    assertEquals("CC-MAIN-2024-22", wet.crawl());
    assertEquals("", warc.identifiedLanguage());
    assertEquals("spa", wet.identifiedLanguage());
  }

  @Test
  void anArcFileReadsLikeItsWarcTwin() {
    Archives.Read arc = read("aut/example.arc.gz");
    Archives.Read warc = read("aut/example.warc.gz");
    assertEquals(warc.pages().size(), arc.pages().size());
    assertEquals(94, arc.pages().size());
    assertEquals(38, arc.summary().outcomes().get("skipped:not_http"), "dns: records are not HTTP");
    assertTrue(arc.failures().isEmpty());
  }

  @Test
  void aClippedGzipFileIsOneTruncatedFileFailure() {
    Archives.Read read = read("resiliparse/clipped.warc.gz");
    assertEquals(List.of(FailReason.TRUNCATED_FILE), read.failures().stream().map(ReadEvent.Failure::reason).toList());
  }

  @Test
  void chunkedTransferEncodingIsUndone() {
    Archives.Read read = read("warcio/example-iana.org-chunked.warc");
    String html = read.pages().get(0).decoded().text();
    assertTrue(html.strip().startsWith("<!doctype html>") || html.strip().startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.strip().endsWith("</html>"));
  }

  @Test
  void aTargetUriInAngleBracketsIsUnwrapped() {
    Archives.Read read = read("warcio/example-wget-bad-target-uri.warc.gz");
    assertEquals("http://example.com/", read.pages().get(0).url());
    Archives.Read dolma = read("dolma/sample-0000.warc.gz");
    assertTrue(dolma.pages().stream().allMatch(p -> p.url().startsWith("http")));
    assertEquals(22, dolma.pages().size());
  }

  @Test
  void clueWebEucJpPagesStoredDecodedUnderAGzipHeaderAreRead() {
    Archives.Read read = read("resiliparse/clueweb-quirk.warc.gz");
    assertEquals(29, read.pages().size());
    assertTrue(read.failures().isEmpty());
    assertEquals("EUC-JP", read.pages().get(0).decoded().charset());
    assertTrue(read.pages().get(0).decoded().text().chars().anyMatch(c -> Character.UnicodeScript.of(c)
        == Character.UnicodeScript.HIRAGANA || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
  }

  @Test
  void aChunkedHeaderOnABodyStoredDecodedKeepsThePage() {
    Archives.Read read = read("node-warc/books.toscrape.warc");
    assertEquals(1, read.pages().size());
    assertTrue(read.pages().get(0).decoded().text().contains("All products | Books to Scrape"));
  }

  @Test
  void extraLineBreaksBetweenRecordsAreToleratedAndNoRecordIsReadTwice() {
    Archives.Read read = read("ia-web-commons/link-extraction-test.warc");
    assertEquals(9, read.pages().size());
    assertEquals(9, read.pages().stream().map(ArchivePage::docId).distinct().count());
    assertTrue(read.failures().isEmpty(), read.failures().toString());
  }

  @Test
  void lowerCaseHeaderNamesAreRead() {
    Archives.Read read = read("slyrz-warc/test.warc.gz");
    assertEquals(10, read.summary().records());
    assertTrue(read.failures().isEmpty());
  }

  @Test
  void aHandWrittenWetFileWithWrongLengthsLosesNoRecord() {
    Archives.Read read = read("cc_net/sample.warc.txt");
    assertEquals(3, read.pages().size());
  }

  @Test
  void aCommonCrawlPathListingIsNotAnArchive() {
    Archives.Read read = read("commoncrawl-whirlwind/CC-MAIN-2024-22.warc.paths.gz");
    assertEquals(List.of(FailReason.NOT_AN_ARCHIVE), read.failures().stream().map(ReadEvent.Failure::reason).toList());
    assertEquals(0, read.pages().size());
  }
}

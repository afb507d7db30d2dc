package org.corpuskit.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.corpuskit.SharedData;
import org.corpuskit.archive.ArchivePage;
import org.corpuskit.archive.ArchiveReader;
import org.corpuskit.archive.ReadEvent;
import org.corpuskit.archive.ReaderConfig;
import org.corpuskit.eval.GoldPage;
import org.corpuskit.eval.GoldSet;
import org.corpuskit.text.CharsetDecoder;
import org.junit.jupiter.api.Test;

class ScriptAndStyleContentTest {
  private static String removed(String html) {
    return new String(ScriptAndStyleContent.removed(html.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static void unchanged(String html) {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    assertSame(bytes, ScriptAndStyleContent.removed(bytes), html);
  }

  @Test
  void emptiesScriptsAndStylesAndKeepsTheirTagsAndEverythingElse() {
    assertEquals("<head><style media=\"x>y\"></style></head><p>été</p><SCRIPT src='a.js' async></SCRIPT >"
            + "<p>b</p><script></script/><i>c",
        removed("<head><style media=\"x>y\">p { color: red }</style></head><p>été</p><SCRIPT src='a.js' async>"
            + "var s = '</scrip>' + \"<p>\";</SCRIPT ><p>b</p><script>f(1<2)</script/><i>c"));
  }

  @Test
  void findsTagsAtEveryPositionInTheEightByteWordsItScans() {
    for (int pad = 0; pad < 20; pad++) {
      String before = "é¼".repeat(pad).substring(0, pad);
      assertEquals(before + "<script></script>" + before, removed(before + "<script>x¼<</script>" + before));
    }
  }

  @Test
  void aPageWithoutScriptsOrStylesIsReturnedAsItIs() {
    unchanged("<html><body><p>No scripts <b>here</b>, only a <scripts>tag</scripts> that is not one.</p>");
    unchanged("<script></script><style></style>");
    unchanged("");
    unchanged("<");
  }

  @Test
  void scriptsInsideCommentsAndBogusCommentsAreText() {
    unchanged("<!-- <script>x</script> --><p>a");
    assertEquals("<!--><script></script>", removed("<!--><script>x</script>"));
    unchanged("<!x <script>x</script>");
    unchanged("<?php <script>x</script>");
    assertEquals("<!--->a<script></script>", removed("<!--->a<script>x</script>"));
    assertEquals("<!-- a --><style></style>", removed("<!-- a --><style>b</style>"));
  }

  @Test
  void scriptsInsideElementsOfTextOrForeignMarkupAreLeftAsTheyAre() {
    for (String element : List.of("title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "svg",
        "math")) {
      unchanged("<" + element + " class=a><script>x</script><style>y</style></" + element + "><p>z");
      assertEquals("<" + element + ">a</" + element + "><script></script>",
          removed("<" + element + ">a</" + element + "><script>x</script>"));
    }
  }

  @Test
  void anEndTagIsReadToItsEndAsTheTokenizerReadsIt() {
    unchanged("</p title=\"<script>\">x</script>");
    assertEquals("<script></script x=\"</script>\"><p>a", removed("<script>b</script x=\"</script>\"><p>a"));
  }

  @Test
  void theScanStopsAtWhatItDoesNotFollow() {
    unchanged("<script>never ends");
    unchanged("<style>never ends");
    unchanged("<script src=a.js/>x</script>");
    unchanged("<script>if (a <!-- b) { document.write('<script>c</script>') }</script>");
    assertEquals("<script></script><p>a", removed("<script><!-- hide from old browsers\nf() // --></script><p>a"));
    unchanged("<!-- never ends <script>x</script>");
    unchanged("<p title=\"never ends><script>x</script>");
    unchanged("<title>never ends<script>x</script>");
    assertEquals("<script></script><plaintext><script>x</script>",
        removed("<script>a</script><plaintext><script>x</script>"));
  }

  @Test
  void pagesInCharsetsWhereAsciiIsNotOneByteAreLeftAsTheyAre() {
    byte[] utf16 = "\uFEFF<script>x</script><p>a".getBytes(StandardCharsets.UTF_16BE);
    assertSame(utf16, ScriptAndStyleContent.removed(utf16, null));
    byte[] labelled = "<script>x</script><p>a".getBytes(StandardCharsets.US_ASCII);
    assertSame(labelled, ScriptAndStyleContent.removed(labelled, "text/html; charset=UTF-16LE"));
    assertSame(labelled, ScriptAndStyleContent.removed(labelled, "text/html; charset=iso-2022-jp"));
    assertSame(labelled, ScriptAndStyleContent.removed(labelled, "text/html; charset=IBM037"));
    assertEquals("<script></script><p>a", new String(ScriptAndStyleContent.removed(labelled,
        "text/html; charset=Shift_JIS"), StandardCharsets.US_ASCII));
  }

  @Test
  void multiByteCharactersAroundScriptsStayWhole() {
    String page = "<p>日本語のテキスト</p><script>var s = 'スクリプト';</script><p>終わり</p>";
    for (var charset : List.of(StandardCharsets.UTF_8, java.nio.charset.Charset.forName("Shift_JIS"),
        java.nio.charset.Charset.forName("EUC-JP"), java.nio.charset.Charset.forName("GB18030"),
        java.nio.charset.Charset.forName("Big5"))) {
      byte[] bytes = page.getBytes(charset);
      String expected = new String(page.replace("var s = 'スクリプト';", "").getBytes(charset), charset);
      assertEquals(expected, new String(ScriptAndStyleContent.removed(bytes, "text/html; charset=" + charset.name()),
          charset), charset.name());
    }
  }

  /**
   * Every page of both gold sets gives the same title, text and language whether its scripts and styles are
   * there or not: the removal saves work and changes nothing the extractor reads.
   */
  @Test
  void theExtractionOfEveryGoldPageIsTheSameWithoutScriptsAndStyles() throws IOException {
    List<GoldPage> pages = new ArrayList<>(GoldSet.load(SharedData.require("extraction/article-extraction-benchmark"))
        .pages());
    pages.addAll(GoldSet.load(SharedData.require("extraction/trafilatura/tests/evaldata.json")).pages());
    MainContentExtractor extractor = new MainContentExtractor();
    long before = 0;
    long after = 0;
    for (GoldPage page : pages) {
      byte[] bytes = read(page.html());
      byte[] without = ScriptAndStyleContent.removed(bytes, null);
      before += bytes.length;
      after += without.length;
      Extraction whole = extractor.extract(CharsetDecoder.decode(bytes, null).text(), page.url());
      Extraction lean = extractor.extract(CharsetDecoder.decode(without, null).text(), page.url());
      assertEquals(whole, lean, page.html().toString());
    }
    assertTrue(pages.size() >= 370, "pages: " + pages.size());
    assertTrue(after < before * 0.7, "a third of the bytes or more are scripts and styles: " + after + " of "
        + before);
  }

  /** The same on every HTML page of the real archives in ../shared/data/warc, in whatever charset each has. */
  @Test
  void theExtractionOfEveryPageOfTheRealArchivesIsTheSameWithoutScriptsAndStyles() throws IOException {
    MainContentExtractor extractor = new MainContentExtractor();
    List<Path> archives;
    try (var walk = Files.walk(SharedData.require("warc"))) {
      archives = walk.filter(f -> f.toString().matches(".*\\.(warc|arc)(\\.gz)?$")).sorted().toList();
    }
    int pages = 0;
    int changed = 0;
    for (Path file : archives) {
      try (ArchiveReader reader = new ArchiveReader(file.toString(), Files.newByteChannel(file),
          ReaderConfig.DEFAULTS)) {
        for (var event = reader.next(); event.isPresent(); event = reader.next()) {
          if (event.get() instanceof ReadEvent.Page read && read.page().kind() == ArchivePage.Kind.HTML) {
            ArchivePage page = read.page();
            String type = page.httpContentType().isEmpty() ? null : page.httpContentType();
            byte[] without = ScriptAndStyleContent.removed(page.payload(), type);
            changed += without == page.payload() ? 0 : 1;
            assertEquals(extractor.extract(CharsetDecoder.decode(page.payload(), type).text(), page.url()),
                extractor.extract(CharsetDecoder.decode(without, type).text(), page.url()), page.url());
            pages++;
          }
        }
      }
    }
    assertTrue(pages >= 250 && changed >= 100, pages + " pages, " + changed + " with scripts or styles");
  }

  private static byte[] read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
         InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return in.readAllBytes();
    }
  }
}

package org.corpuskit.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MainContentExtractorTest {
  private final MainContentExtractor extractor = new MainContentExtractor();

  private static final String ARTICLE = "<p>The harbour master counted forty ships in the bay this morning, more than"
      + " on any day since the regatta, and the ferries were running late.</p>"
      + "<p>Fishermen said the wind had turned overnight, which pushed the fleet back early, and the market opened"
      + " an hour before its usual time to take the catch.</p>"
      + "<p>By noon the bay was calm again, the ferries were back on their timetable, and the regatta committee"
      + " announced that next year's race would start from the northern pier.</p>";

  private String text(String html) {
    return extractor.extract(html, "https://example.org/").text();
  }

  @Test
  void keepsTheArticleAndDropsNavigationFooterAndCookieBanner() {
    String text = text("<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
        + "<div class=cookie-banner>We use cookies to improve your experience.</div>"
        + "<article>" + ARTICLE + "</article><footer>Imprint · Privacy · Contact</footer></body></html>");
    assertTrue(text.startsWith("The harbour master counted"), text);
    assertTrue(text.contains("northern pier."));
    assertFalse(text.contains("Home"));
    assertFalse(text.contains("cookies"));
    assertFalse(text.contains("Imprint"));
  }

  @Test
  void separatesParagraphsWithBlankLines() {
    String text = text("<html><body><article>" + ARTICLE + "</article></body></html>");
    assertEquals(3, text.split("\n\n").length, text);
  }

  @Test
  void writesListItemsAsDashLines() {
    String text = text("<html><body><article>" + ARTICLE
        + "<ul><li>Ferries: every hour</li><li>Market: from six</li></ul></article></body></html>");
    assertTrue(text.contains("- Ferries: every hour\n- Market: from six"), text);
  }

  @Test
  void writesTableRowsAsLinesWithCellSeparators() {
    String text = text("<html><body><article>" + ARTICLE
        + "<table><tr><th>Ship</th><th>Berth</th></tr><tr><td>Aurora</td><td>North</td></tr></table>"
        + "</article></body></html>");
    assertTrue(text.contains("Ship | Berth\nAurora | North"), text);
  }

  @Test
  void keepsPreformattedCodeAsItIs() {
    String text = text("<html><body><article>" + ARTICLE
        + "<pre><code>def main():\n    print(\"tide\")\n</code></pre></article></body></html>");
    assertTrue(text.contains("def main():\n    print(\"tide\")"), text);
  }

  @Test
  void keepsHeadingsInsideTheArticle() {
    String text = text("<html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1>"
        + ARTICLE + "<h2>What happens next</h2>" + ARTICLE + "</article></body></html>");
    assertTrue(text.contains("What happens next"), text);
    assertFalse(text.startsWith("Harbour news"), "the title heading is the title field, not the text");
  }

  @Test
  void dropsBlocksThatAreOnlyADateWhereverTheyStand() {
    assertEquals("The ferries ran late.\n\nThe market opened early.", TextRenderer.withoutDateLines(
        "23.10.2018\n\nThe ferries ran late.\n\nJanuary 13, 2020 at 08:45 AM\n\nThe market opened early."
            + "\n\n2018-10-23"));
    assertEquals("Opened on 23.10.2018\nby the mayor.", TextRenderer.withoutDateLines(
        "Opened on 23.10.2018\nby the mayor."));
  }

  @Test
  void takesTheTitleFromOpenGraphThenTheTitleElement() {
    assertEquals("From og", extractor.extract("<html><head><meta property=og:title content='From og'>"
        + "<title>From title</title></head><body>" + ARTICLE + "</body></html>", "").title());
    assertEquals("From title", extractor.extract("<html><head><title> From title </title></head><body>"
        + ARTICLE + "</body></html>", "").title());
  }

  @Test
  void readsTheLangAttributeOfTheHtmlElement() {
    assertEquals("de-AT", extractor.extract("<html lang='de-AT'><body>" + ARTICLE + "</body></html>", "").lang());
    assertEquals("", extractor.extract("<html><body>" + ARTICLE + "</body></html>", "").lang());
  }

  @Test
  void dropsScriptsStylesAndHiddenElements() {
    String text = text("<html><body><article><script>var secret = 1;</script><style>p{}</style>"
        + "<div style='display: none'>invisible words</div><div hidden>also hidden</div>" + ARTICLE
        + "</article></body></html>");
    assertFalse(text.contains("secret"));
    assertFalse(text.contains("invisible"));
    assertFalse(text.contains("also hidden"));
  }

  @Test
  void dropsCommentThreadsAndShareWidgetsInsideTheArticle() {
    String text = text("<html><body><article>" + ARTICLE
        + "<div class='share-buttons'><a href=#>Share</a> <a href=#>Tweet</a></div>"
        + "<div id='comments'><p>First! Great article, thanks for writing it, I will share it with friends.</p></div>"
        + "</article></body></html>");
    assertFalse(text.contains("Tweet"), text);
    assertFalse(text.contains("First!"), text);
  }

  @Test
  void findsTheContentWhenAClassWordMisleads() {
    String text = text("<html><body><div class='theiaStickySidebar'><div class='post'>" + ARTICLE + ARTICLE
        + "</div></div></body></html>");
    assertTrue(text.contains("The harbour master counted"), text);
  }

  @Test
  void scoresPagesWithoutSemanticMarkup() {
    String text = text("<html><body><div id=top><a href=/a>Link one</a> | <a href=/b>Link two</a></div>"
        + "<div id=x1><div id=x2>" + ARTICLE + "</div></div>"
        + "<div id=bottom><a href=/c>Link three</a> <a href=/d>Link four</a></div></body></html>");
    assertTrue(text.contains("The harbour master counted"), text);
    assertFalse(text.contains("Link one"), text);
  }

  @Test
  void returnsAnEmptyTextForAPageWithoutContent() {
    assertEquals("", text("<html><body><nav><a href=/>Home</a></nav></body></html>"));
    assertEquals("", text(""));
  }

  @Test
  void leavesOutALineOfLinksAboveTheText() {
    String text = text("<html><body><div><a href=/>Harbour Times</a><br><span><a href=/about>About</a> - "
        + "<a href=/archive>Archive</a> - <a href=/contact>Contact</a></span><br>" + ARTICLE + "</div></body></html>");
    assertFalse(text.contains("About - Archive"), text);
    assertTrue(text.startsWith("The harbour master counted"), text);
  }

  @Test
  void prefersParagraphsToAListOfNamesBetweenCommas() {
    String names = String.join(", ", Collections.nCopies(30, "Ada Lovelace"));
    String text = text("<html><body><div><div class=about>" + ARTICLE + "</div>"
        + "<div class=people><div>" + names + "</div></div></div></body></html>");
    assertTrue(text.contains("The harbour master counted"), text);
    assertFalse(text.contains("Ada Lovelace, Ada Lovelace"), text);
  }

  @Test
  void flagsAPageWhoseOnlyTextIsNavigationAsBoilerplateOnly() {
    Extraction extraction = extractor.extract("<html><body><nav><a href=/>Home</a> <a href=/shop>Shop</a></nav>"
        + "</body></html>", "");
    assertTrue(extraction.boilerplateOnly(), extraction.text());
  }

  @Test
  void flagsAListingOfLinksWithAPagerAndACopyrightLineAsBoilerplateOnly() {
    Extraction extraction = extractor.extract("<html><body><div class=list><ul>"
        + "<li><a href=/1>Harbour master counts forty ships in the bay</a> 2020-07-26</li>"
        + "<li><a href=/2>Ferries run late as the regatta fills the harbour</a> 2020-07-25</li>"
        + "<li><a href=/3>Market opens early to take the morning catch</a> 2020-07-24</li></ul></div>"
        + "<div class=pages><span>1</span> <a href=?p=2>2</a> <a href=?p=3>3</a> <a href=?p=2>Next</a>"
        + " Page 1 of 3</div><div>Copyright 2017-2025 http://www.example.org All Rights Reserved.</div>"
        + "</body></html>", "");
    assertTrue(extraction.boilerplateOnly(), extraction.text());
  }

  @Test
  void doesNotFlagAPageWithOneSentenceAsBoilerplateOnly() {
    Extraction extraction = extractor.extract("<html><body><nav><a href=/>Home</a></nav>"
        + "<div>We bake bread every morning.</div><div>Copyright 2024 Example Bakery</div></body></html>", "");
    assertFalse(extraction.boilerplateOnly(), extraction.text());
    assertTrue(extraction.text().contains("We bake bread every morning."), extraction.text());
  }

  @Test
  void doesNotFlagAnArticleOrAnEmptyPageAsBoilerplateOnly() {
    assertFalse(extractor.extract("<html><body><article>" + ARTICLE + "</article></body></html>", "")
        .boilerplateOnly());
    assertFalse(extractor.extract("", "").boilerplateOnly(), "a page without text is empty, not boilerplate");
  }

  @Test
  void takesTheWholePageWhenTheContentContainerHoldsNoProse() {
    String rows = "<tr><td>Weight</td><td>20 kg</td></tr><tr><td>Colour</td><td>Oak</td></tr>"
        + "<tr><td>Height</td><td>75 cm</td></tr><tr><td>Width</td><td>120 cm</td></tr>";
    String text = text("<html><body><div class=entry-content><table>" + rows.repeat(6) + "</table></div>"
        + "<div class=note><p>Every table ships from our workshop within two days.</p></div></body></html>");
    assertTrue(text.contains("Every table ships from our workshop within two days."), text);
    assertTrue(text.contains("Weight | 20 kg"), text);
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void survivesADeeplyNestedPage() {
    String html = "<html><body>" + "<div>".repeat(100_000) + ARTICLE + "</div>".repeat(100_000) + "</body></html>";
    assertTrue(text(html).contains("harbour master"));
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void survivesMegabytesOfTextWithoutATag() {
    String html = "<html><body><p>" + "word ".repeat(1_000_000) + "</p></body></html>";
    assertTrue(text(html).length() > 4_000_000);
  }

  @Test
  void refusesNullInputAndATinyDepthLimit() {
    assertThrows(IllegalArgumentException.class, () -> extractor.extract(null, ""));
    assertThrows(IllegalArgumentException.class, () -> new MainContentExtractor(3));
  }
}

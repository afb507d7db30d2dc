package org.corpuskit.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpuskit.SharedData;
import org.corpuskit.archive.ArchiveReader;
import org.corpuskit.archive.ReadEvent;
import org.corpuskit.archive.ReaderConfig;
import org.junit.jupiter.api.Test;

/**
 * The extractor on real pages that are not articles (home pages, listings, personal pages), read from the
 * archives in ../shared/data; skipped when it is absent.
 */
class NonArticlePagesTest {
  private final MainContentExtractor extractor = new MainContentExtractor();

  private Extraction extract(String archive, String url) {
    Path file = SharedData.require("warc/" + archive);
    try (ArchiveReader reader = new ArchiveReader(file.toString(), Files.newByteChannel(file), ReaderConfig.DEFAULTS)) {
      for (var event = reader.next(); event.isPresent(); event = reader.next()) {
        if (event.get() instanceof ReadEvent.Page page && page.page().url().equals(url)) {
          return extractor.extract(page.page().decoded().text(), url);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError(url + " is not in " + archive);
  }

  @Test
  void aListingPageWhoseTextIsOnlyPaginationIsBoilerplateOnly() {
    Extraction extraction = extract("resiliparse/warcfile.warc.gz", "http://0755krk.com/76104/list_4_1.html");
    assertTrue(extraction.boilerplateOnly(), extraction.text());
  }

  @Test
  void aListingPageWhoseTextIsOnlyACopyrightLineIsBoilerplateOnly() {
    Extraction extraction = extract("resiliparse/warcfile.warc.gz",
        "http://077678u.info/erxiaoshujinguang/list_6_2.html");
    assertTrue(extraction.boilerplateOnly(), extraction.text());
  }

  @Test
  void aCompanyPageWithADescriptionIsNotBoilerplateOnly() {
    Extraction extraction = extract("resiliparse/warcfile.warc.gz", "http://01spb.ru/company/");
    assertFalse(extraction.boilerplateOnly(), extraction.text());
  }

  @Test
  void aPersonalPageKeepsItsBiographyRatherThanAnAuthorList() {
    Extraction extraction = extract("dolma/sample-0000.warc.gz", "https://www.jonathanbragg.com/");
    String text = extraction.text();
    assertTrue(text.contains("I am a Senior Research Scientist at the Allen Institute for AI (AI2)."), text);
    assertFalse(text.contains("Jonathan Bragg, Amy X. Zhang, Cassidy Trier"), text);
    assertFalse(extraction.boilerplateOnly());
  }

  @Test
  void aPersonalPageLeavesOutItsNavigationLine() {
    Extraction extraction = extract("dolma/sample-0000.warc.gz", "https://homes.cs.washington.edu/~axz/");
    String text = extraction.text();
    assertFalse(text.contains("About Me - CV - Publications - Talks"), text);
    assertTrue(text.contains("My research is in the field of human-computer interaction and social computing."),
        text);
  }
}

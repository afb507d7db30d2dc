package org.corpuskit.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.corpuskit.sample.BadInputCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the bad-input corpus read to its end: the reader never throws, its counts add up, each failure
 * has an offset in the file and a reason, the damaged record fails where the damage leaves it unreadable, and
 * every intact record (known from how the file was made, not from the reader) is read, an intact page with its
 * payload whole.
 */
@Timeout(300)
class BadInputCorpusTest {
  @TempDir
  static Path dir;

  private static List<BadInputCorpus.Case> cases;

  @BeforeAll
  static void writeTheCorpus() throws IOException {
    cases = BadInputCorpus.write(dir, false);
  }

  @Test
  void theCorpusHasMoreThanAHundredCasesOfEveryKind() {
    assertTrue(cases.size() >= 100, cases.size() + " cases");
    for (String kind : List.of("truncated", "bit-flip-deflate", "bit-flip-gzip-crc", "header-warc-version",
        "header-http-status-digits", "length-short-1", "length-long-100", "absurd-warc-header-1mb",
        "payload-gzip-bomb", "payload-invalid-utf8", "payload-nested-100000-deep", "payload-line-5mb")) {
      assertTrue(cases.stream().anyMatch(c -> c.kind().equals(kind)), kind);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyIntactRecordIsReadAndEveryFailureHasAnOffsetAndAReason() {
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> check(c)));
  }

  private static void check(BadInputCorpus.Case c) throws IOException {
    Path file = dir.resolve(c.file());
    Archives.Read read = Archives.read(file);
    long size = Files.size(file);
    for (ReadEvent.Failure failure : read.failures()) {
      assertTrue(failure.offset() >= -1 && failure.offset() <= size, c.file() + ": offset " + failure.offset());
      assertTrue(failure.reason() != null && !failure.message().isBlank(), c.file() + ": " + failure);
    }
    if (c.mustFail()) {
      assertFalse(read.failures().isEmpty(), c.file() + ": the damage went unnoticed; read " + read.events().stream().map(e -> e instanceof ReadEvent.Page p ? "page " + p.page().url() + " " + p.page().truncated() + " " + p.page().payload().length : e.toString()).toList());
    }
    List<String> seen = new ArrayList<>();
    read.pages().forEach(p -> seen.add(p.url()));
    read.skipped().forEach(s -> seen.add(s.url()));
    for (String id : c.intact()) {
      int i = Integer.parseInt(id.substring(id.length() - 2));
      String url = "https://bad-inputs.example/page-" + i + ".html";
      assertTrue(seen.contains(url), c.file() + ": intact record " + i + " lost; read "
          + read.events());
    }
    for (ArchivePage page : read.pages()) {
      int i = Integer.parseInt(page.url().replaceAll("\\D", ""));
      if (c.intact().contains(BadInputCorpus.id(i))) {
        assertEquals(BadInputCorpus.html(i), new String(page.payload(), java.nio.charset.StandardCharsets.UTF_8),
            c.file() + ": intact page " + i + " changed");
      }
    }
  }
}

package org.corpuskit.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.corpuskit.archive.ArchiveReader;
import org.corpuskit.archive.FileSummary;
import org.corpuskit.archive.ReadEvent;
import org.corpuskit.archive.ReaderConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCrawlTest {
  @TempDir
  Path dir;

  @Test
  void writesTheSameBytesEveryTime() throws IOException {
    SampleCrawl.Written one = SampleCrawl.write(dir.resolve("one"));
    SampleCrawl.Written two = SampleCrawl.write(dir.resolve("two"));
    assertArrayEquals(Files.readAllBytes(one.warc()), Files.readAllBytes(two.warc()));
    assertArrayEquals(Files.readAllBytes(one.benchmark()), Files.readAllBytes(two.benchmark()));
  }

  @Test
  void holdsAtLeast500PagesInSeveralScriptsAndABenchmarkFile() throws IOException {
    SampleCrawl.Written written = SampleCrawl.write(dir);
    long pages = 0;
    FileSummary summary;
    try (ArchiveReader reader =
        new ArchiveReader(written.warc().toString(), Files.newByteChannel(written.warc()), ReaderConfig.DEFAULTS)) {
      for (var event = reader.next(); event.isPresent(); event = reader.next()) {
        if (event.get() instanceof ReadEvent.Page) {
          pages++;
        }
      }
      summary = reader.summary();
    }
    assertEquals(written.pages(), pages, "pages read back from the written archive");
    assertTrue(pages >= 500, pages + " pages");
    assertTrue(summary.addsUp(), "the broken records at the end are each counted once: " + summary);
    List<String> benchmark = Files.readAllLines(written.benchmark());
    assertEquals(SampleText.BENCHMARK.size(), benchmark.size());
    Set<Character.UnicodeScript> scripts = new HashSet<>();
    SampleCrawl.bodies().forEach(body -> body.codePoints()
        .filter(Character::isLetter).forEach(c -> scripts.add(Character.UnicodeScript.of(c))));
    assertTrue(scripts.containsAll(Set.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.CYRILLIC,
        Character.UnicodeScript.HAN, Character.UnicodeScript.ARABIC, Character.UnicodeScript.HIRAGANA)));
  }
}

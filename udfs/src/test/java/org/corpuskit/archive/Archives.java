package org.corpuskit.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.corpuskit.sample.WarcBytes;

/**
 * Test helpers: archives built in memory, and reading one whole file into its events and summary, checking on
 * every read that the summary's independent counts add up.
 */
final class Archives {
  static final Instant DATE = Instant.parse("2024-05-22T08:00:00Z");

  private Archives() {}

  record Read(List<ReadEvent> events, FileSummary summary) {
    List<ArchivePage> pages() {
      return events.stream().filter(e -> e instanceof ReadEvent.Page).map(e -> ((ReadEvent.Page) e).page()).toList();
    }

    List<ReadEvent.Failure> failures() {
      return events.stream().filter(e -> e instanceof ReadEvent.Failure).map(e -> (ReadEvent.Failure) e).toList();
    }

    List<ReadEvent.Skipped> skipped() {
      return events.stream().filter(e -> e instanceof ReadEvent.Skipped).map(e -> (ReadEvent.Skipped) e).toList();
    }
  }

  static Read read(Path file) {
    return read(file, ReaderConfig.DEFAULTS);
  }

  static Read read(Path file, ReaderConfig config) {
    List<ReadEvent> events = new ArrayList<>();
    try (ArchiveReader reader = new ArchiveReader(file.toString(), Files.newByteChannel(file), config)) {
      for (var event = reader.next(); event.isPresent(); event = reader.next()) {
        events.add(event.get());
      }
      FileSummary s = reader.summary();
      assertEquals(events.size(), s.pages() + s.skipped() + s.failed(), "every event is counted once: " + s.outcomes());
      assertTrue(s.addsUp(), () -> "records met (headers " + s.recordTypes() + " + unreadable stretches "
          + s.unreadable() + ") do not match the outcomes " + s.outcomes());
      return new Read(List.copyOf(events), s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String name, byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    try {
      return Files.write(dir.resolve(name), out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] htmlResponse(int n, String url, String html, String... httpHeaders) {
    return response(n, url, WarcBytes.httpResponse(200, "text/html; charset=UTF-8", WarcBytes.utf8(html), httpHeaders));
  }

  static byte[] response(int n, String url, byte[] http) {
    return WarcBytes.record("response", "urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", n),
        DATE.plusSeconds(n), url, "application/http; msgtype=response", http);
  }

  static byte[] gz(byte[] record) {
    return WarcBytes.gzip(record);
  }

  static String page(String words) {
    return "<html><body><article><p>" + words + "</p></article></body></html>";
  }
}

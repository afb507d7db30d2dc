package org.corpuskit.jobs.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpChannelTest {
  @TempDir
  Path dir;

  @Test
  void readsAFileWholeAndFromAnyPositionThroughSlowDownsAndACutConnection() throws IOException {
    byte[] bytes = new byte[300_000];
    new Random(7).nextBytes(bytes);
    Files.write(dir.resolve("a.warc.gz"), bytes);
    try (HttpFiles server = new HttpFiles(dir)) {
      server.slowDowns.set(2);
      server.cuts.set(1);
      try (HttpChannel channel = HttpChannel.open(server.base() + "a.warc.gz", 5, Duration.ofSeconds(30))) {
        assertEquals(bytes.length, channel.size());
        assertArrayEquals(bytes, readAll(channel));
        assertEquals(bytes.length, channel.position());
        assertEquals(-1, channel.read(ByteBuffer.allocate(10)));
        channel.position(123_456);
        ByteBuffer some = ByteBuffer.allocate(1000);
        channel.read(some);
        assertArrayEquals(Arrays.copyOfRange(bytes, 123_456, 123_456 + some.position()),
            Arrays.copyOf(some.array(), some.position()));
      }
      assertEquals(0, server.slowDowns.get(), "both 503s were answered and retried");
      assertEquals(0, server.cuts.get());
      assertTrue(server.rangeRequests.get() >= 2, "the cut body and the seek were each a range request: "
          + server.rangeRequests.get());
    }
  }

  @Test
  void aMissingFileIsNotFoundAtOnceAndASlowDownThatLastsFailsAfterTheAttempts() throws IOException {
    Files.write(dir.resolve("b.warc.gz"), new byte[10]);
    try (HttpFiles server = new HttpFiles(dir)) {
      FileNotFoundException missing = assertThrows(FileNotFoundException.class,
          () -> HttpChannel.open(server.base() + "missing.warc.gz", 1, Duration.ofSeconds(30)));
      assertTrue(missing.getMessage().endsWith("missing.warc.gz: no such file (HTTP 404)"), missing.getMessage());
      assertEquals(1, server.requests.get());
      server.slowDowns.set(1000);
      IOException busy = assertThrows(IOException.class,
          () -> HttpChannel.open(server.base() + "b.warc.gz", 1, Duration.ofSeconds(30)));
      assertTrue(busy.getMessage().endsWith("HTTP 503 after " + HttpChannel.ATTEMPTS + " attempts"),
          busy.getMessage());
    }
  }

  @Test
  void aBodyThatStallsIsClosedAndAskedForAgainFromWhereItStopped() throws IOException {
    byte[] bytes = new byte[200_000];
    new Random(8).nextBytes(bytes);
    Files.write(dir.resolve("c.warc.gz"), bytes);
    try (HttpFiles server = new HttpFiles(dir)) {
      server.stalls.set(1);
      // Without the watchdog the read would wait on the stuck body for as long as the server holds it.
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        try (HttpChannel channel = HttpChannel.open(server.base() + "c.warc.gz", 5, Duration.ofMillis(300))) {
          assertArrayEquals(bytes, readAll(channel));
        }
      });
      assertEquals(0, server.stalls.get());
      assertEquals(1, server.rangeRequests.get(), "the rest was asked for from where the stalled body stopped");
    }
  }

  private static byte[] readAll(HttpChannel channel) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    while (channel.read(buffer) > 0) {
      out.write(buffer.array(), 0, buffer.position());
      buffer.clear();
    }
    return out.toByteArray();
  }
}

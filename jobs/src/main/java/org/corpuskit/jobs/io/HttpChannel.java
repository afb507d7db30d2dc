package org.corpuskit.jobs.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A read-only {@link SeekableByteChannel} over a file served by HTTP(S), such as Common Crawl's
 * {@code https://data.commoncrawl.org/}, which needs no credentials where its S3 bucket does. The size comes
 * from a HEAD request; reading is one streamed GET from the position on ({@code Range: bytes=N-}), reopened at
 * the position after a seek, a broken connection or a body that stalls for {@link #STALL}. A 503 Slow Down, 429
 * or other 5xx answer, or a connection that fails, is retried after a jittered pause of at least a second (as
 * Common Crawl asks), up to {@link #ATTEMPTS} times a request; a 404, another 4xx, or a server that ignores
 * byte ranges ends the read at once. Not thread-safe.
 */
public final class HttpChannel extends ReadOnlyChannel {
  static final int ATTEMPTS = 10;
  /** HTTP/1.1, so that the tasks of an executor read over connections of their own rather than one HTTP/2 one. */
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
  /** A body that sends nothing for this long is closed and asked for again from the position. */
  static final Duration STALL = Duration.ofSeconds(60);
  /** Closes stalled bodies: the JDK's request timeout ends when the headers arrive, not the body. */
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "corpus-http-stall");
    thread.setDaemon(true);
    return thread;
  });
  /** A forward seek shorter than this is read through rather than answered with a new request. */
  private static final long SKIP_LIMIT = 1 << 20;

  private final URI uri;
  private final long size;
  private final long pauseMillis;
  private final Duration stall;
  private final Random jitter;
  private InputStream body;
  private long position;

  private HttpChannel(URI uri, long size, long pauseMillis, Duration stall) {
    this.uri = uri;
    this.size = size;
    this.pauseMillis = pauseMillis;
    this.stall = stall;
    this.jitter = new Random(uri.hashCode());
  }

  /** Opens {@code url}, asking its size first; a missing file is a {@link java.io.FileNotFoundException}. */
  public static HttpChannel open(String url) throws IOException {
    return open(url, 1000, STALL);
  }

  /**
   * As {@link #open(String)}, with retries {@code pauseMillis} apart at least and bodies closed after
   * {@code stall} without a byte (tests wait less).
   */
  static HttpChannel open(String url, long pauseMillis, Duration stall) throws IOException {
    URI uri = URI.create(url);
    HttpChannel channel = new HttpChannel(uri, -1, pauseMillis, stall);
    HttpResponse<InputStream> head = channel.send(HttpRequest.newBuilder(uri)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    head.body().close();
    long size = head.headers().firstValueAsLong("Content-Length").orElseThrow(() ->
        new IOException(url + ": the server gives no Content-Length"));
    return new HttpChannel(uri, size, pauseMillis, stall);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    byte[] chunk = new byte[Math.min(dst.remaining(), 1 << 16)];
    for (int attempt = 1; ; attempt++) {
      if (body == null) {
        // Its own retries are in send(); an answer that is no use (404, 403, no ranges) ends the read at once.
        body = get(position);
      }
      InputStream reading = body;
      ScheduledFuture<?> watch = WATCHDOG.schedule(() -> closeQuietly(reading), stall.toMillis(),
          TimeUnit.MILLISECONDS);
      try {
        int n = reading.read(chunk);
        if (n < 0) {
          throw new IOException("the connection ended at byte " + position + " of " + size);
        }
        dst.put(chunk, 0, n);
        position += n;
        return n;
      } catch (IOException e) {
        closeBody();
        if (attempt >= ATTEMPTS) {
          throw new IOException(uri + ": reading at byte " + position + " failed " + attempt + " times: "
              + e.getMessage(), e);
        }
        pause(attempt);
      } finally {
        watch.cancel(false);
      }
    }
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    long target = Math.min(newPosition, size);
    if (body != null && target > position && target - position < SKIP_LIMIT) {
      try {
        body.skipNBytes(target - position);
        position = target;
        return this;
      } catch (IOException e) {
        // A connection that broke while skipping is reopened at the target by the next read.
      }
    }
    if (target != position || body == null) {
      closeBody();
      position = target;
    }
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  void closeSource() {
    closeBody();
  }

  private InputStream get(long from) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (from > 0) {
      request.header("Range", "bytes=" + from + "-");
    }
    HttpResponse<InputStream> response = send(request);
    if (from > 0 && response.statusCode() != 206) {
      response.body().close();
      throw new IOException(uri + ": the server ignores byte ranges (status " + response.statusCode() + ")");
    }
    return response.body();
  }

  /** Sends a request, retrying the answers and failures that pass; a 404 is a missing file at once. */
  private HttpResponse<InputStream> send(HttpRequest.Builder request) throws IOException {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<InputStream> response;
      try {
        response = CLIENT.send(request.timeout(Duration.ofMinutes(2)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading " + uri);
      } catch (IOException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        pause(attempt);
        continue;
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        return response;
      }
      response.body().close();
      if (status == 404 || status == 410) {
        throw new java.io.FileNotFoundException(uri + ": no such file (HTTP " + status + ")");
      }
      if ((status != 429 && status / 100 != 5) || attempt >= ATTEMPTS) {
        throw new IOException(uri + ": HTTP " + status + (attempt > 1 ? " after " + attempt + " attempts" : ""));
      }
      pause(attempt);
    }
  }

  /** Waits before attempt {@code attempt + 1}: the pause doubled each time up to 16 times, with jitter. */
  private void pause(int attempt) throws IOException {
    long base = pauseMillis << Math.min(attempt - 1, 4);
    try {
      Thread.sleep(base + (long) (jitter.nextDouble() * base));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading " + uri);
    }
  }

  private void closeBody() {
    if (body != null) {
      closeQuietly(body);
      body = null;
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // The connection is given up either way; a new request starts from the position.
    }
  }
}

package org.corpuskit.jobs.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Random;

/**
 * A read-only {@link SeekableByteChannel} over a file served by HTTP(S), such as Common Crawl's
 * {@code https://data.commoncrawl.org/}, which needs no credentials where its S3 bucket does. The size comes
 * from a HEAD request; reading is one streamed GET from the position on ({@code Range: bytes=N-}), reopened at
 * the position after a seek or a broken connection. A 503 Slow Down, 429 or other 5xx answer, or a connection
 * that fails, is retried after a jittered pause of at least a second (as Common Crawl asks), up to
 * {@link #ATTEMPTS} times a request. Not thread-safe.
 */
public final class HttpChannel implements SeekableByteChannel {
  static final int ATTEMPTS = 10;
  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(30)).build();
  /** A forward seek shorter than this is read through rather than answered with a new request. */
  private static final long SKIP_LIMIT = 1 << 20;

  private final URI uri;
  private final long size;
  private final long pauseMillis;
  private final Random jitter;
  private InputStream body;
  private long position;
  private boolean open = true;

  private HttpChannel(URI uri, long size, long pauseMillis) {
    this.uri = uri;
    this.size = size;
    this.pauseMillis = pauseMillis;
    this.jitter = new Random(uri.hashCode());
  }

  /** Opens {@code url}, asking its size first; a missing file is a {@link java.io.FileNotFoundException}. */
  public static HttpChannel open(String url) throws IOException {
    return open(url, 1000);
  }

  /** As {@link #open(String)}, with retries {@code pauseMillis} apart at least (tests pause less). */
  static HttpChannel open(String url, long pauseMillis) throws IOException {
    URI uri = URI.create(url);
    HttpChannel channel = new HttpChannel(uri, -1, pauseMillis);
    HttpResponse<InputStream> head = channel.send(HttpRequest.newBuilder(uri)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    head.body().close();
    long size = head.headers().firstValueAsLong("Content-Length").orElseThrow(() ->
        new IOException(url + ": the server gives no Content-Length"));
    return new HttpChannel(uri, size, pauseMillis);
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
      try {
        if (body == null) {
          body = get(position);
        }
        int n = body.read(chunk);
        if (n < 0) {
          throw new IOException("the connection ended at byte " + position + " of " + size);
        }
        dst.put(chunk, 0, n);
        position += n;
        return n;
      } catch (IOException e) {
        closeBody();
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        pause(attempt);
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
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
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
      try {
        body.close();
      } catch (IOException e) {
        // The connection is given up either way; a new request starts from the position.
      }
      body = null;
    }
  }

  private void ensureOpen() throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}

package org.corpuskit.jobs.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory served over HTTP on loopback as a CDN serves Common Crawl: HEAD with Content-Length, GET with
 * {@code Range: bytes=N-}, 404 for a missing file. It can be made to answer the next requests with 503 Slow
 * Down, and to cut the next body off halfway, as a loaded server does.
 */
final class HttpFiles implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  private final HttpServer server;
  private final Path root;
  final AtomicInteger slowDowns = new AtomicInteger();
  final AtomicInteger cuts = new AtomicInteger();
  final AtomicInteger stalls = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger rangeRequests = new AtomicInteger();

  HttpFiles(Path root) throws IOException {
    this.root = root;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    // A stalled answer must not hold up the request that follows it.
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "http-files");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  /** The base URL, ending in a slash. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void serve(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      if (slowDowns.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] bytes = Files.readAllBytes(file);
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Content-Length", String.valueOf(bytes.length));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      int from = 0;
      String range = exchange.getRequestHeaders().getFirst("Range");
      if (range != null) {
        Matcher m = RANGE.matcher(range);
        if (m.matches()) {
          from = Integer.parseInt(m.group(1));
          rangeRequests.incrementAndGet();
        }
      }
      exchange.sendResponseHeaders(range == null ? 200 : 206, bytes.length - from);
      OutputStream out = exchange.getResponseBody();
      if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        out.write(bytes, from, (bytes.length - from) / 2);
        out.flush();
        // Sends nothing more, as a stuck connection does, until the server stops.
        sleep(600_000);
        return;
      }
      if (cuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        out.write(bytes, from, (bytes.length - from) / 2);
        out.flush();
        // Ends the exchange with the body short of its length: the client sees the connection end early.
        throw new IOException("cut off on purpose");
      }
      out.write(bytes, from, bytes.length - from);
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

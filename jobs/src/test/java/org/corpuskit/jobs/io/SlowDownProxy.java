package org.corpuskit.jobs.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of an S3 server that answers reads with S3's 503 SlowDown, as the public Common
 * Crawl bucket does under load: the first {@code refusals} connections whose first request is a GET or HEAD get
 * the error and are closed; every other connection is piped to the server as it is. (A client keeps its
 * connections alive, so refusing by connection is what makes it open new ones and retry.) Thread-safe: one
 * thread accepts, two pipe each connection.
 */
final class SlowDownProxy implements AutoCloseable {
  private static final byte[] SLOW_DOWN_BODY = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown"
      + "</Code><Message>Please reduce your request rate.</Message><RequestId>proxy</RequestId></Error>")
      .getBytes(StandardCharsets.UTF_8);

  private final ServerSocket server;
  private final int upstream;
  private final int refusals;
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  SlowDownProxy(int upstream, int refusals) throws IOException {
    this.upstream = upstream;
    this.refusals = refusals;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "slow-down-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** The reads answered with 503 SlowDown so far. */
  int refused() {
    return refused.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread handle = new Thread(() -> handle(client), "slow-down-proxy-connection");
        handle.setDaemon(true);
        handle.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      byte[] head = head(in);
      String requestLine = new String(head, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
      boolean read = requestLine.startsWith("GET ") || requestLine.startsWith("HEAD ");
      if (read && reads.incrementAndGet() <= refusals) {
        refused.incrementAndGet();
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: "
            + (requestLine.startsWith("HEAD ") ? 0 : SLOW_DOWN_BODY.length) + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        if (!requestLine.startsWith("HEAD ")) {
          out.write(SLOW_DOWN_BODY);
        }
        out.flush();
        return;
      }
      try (Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream)) {
        server.getOutputStream().write(head);
        Thread back = new Thread(() -> pipe(server, client), "slow-down-proxy-back");
        back.setDaemon(true);
        back.start();
        pipe(client, server);
        back.join();
      }
    } catch (IOException | InterruptedException e) {
      // A connection the client or the server closed: nothing to answer.
    }
  }

  /** The request's head, up to and including the blank line. */
  private static byte[] head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        break;
      }
    }
    return head.toByteArray();
  }

  private static void pipe(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // The other side closed.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}

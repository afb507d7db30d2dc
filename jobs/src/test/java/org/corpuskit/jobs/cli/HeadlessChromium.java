package org.corpuskit.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's {@code chromium} in headless mode, driven through the DevTools protocol over its WebSocket (the JDK's
 * client): a page is loaded as a reader's browser loads it, its console errors and failed loads collected, an
 * expression evaluated in it, and a screenshot of the whole page taken. One page at a time; not thread-safe.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final List<String> errors = new ArrayList<>();
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  /** What a loaded page showed: its console errors and failed loads, the expression's value, a PNG of it. */
  record Page(List<String> errors, JsonNode value, byte[] png) {}

  private HeadlessChromium(Process process, WebSocket.Builder builder, URI browser) throws Exception {
    this.process = process;
    this.socket = builder.buildAsync(browser, new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The browser on the PATH, if there is one. */
  static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Starts the browser with a profile of its own in {@code profile}, which it writes its port to. */
  static HeadlessChromium start(Path binary, Path profile) throws Exception {
    Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
        .start();
    Path port = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!(Files.exists(port) && Files.readAllLines(port).size() >= 2)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException(binary + " did not start; see " + profile + ".log");
      }
      Thread.sleep(100);
    }
    List<String> lines = Files.readAllLines(port);
    URI browser = URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
    return new HeadlessChromium(process, HttpClient.newHttpClient().newWebSocketBuilder(), browser);
  }

  /**
   * Opens {@code page} in a new tab {@code width} pixels wide, waits for its load event, evaluates {@code
   * expression} (which returns a JSON-serialisable value) and takes a screenshot of the whole page.
   */
  Page load(URI page, int width, String expression) throws Exception {
    synchronized (errors) {
      errors.clear();
    }
    String target = send(null, "Target.createTarget", JSON.createObjectNode().put("url", "about:blank"))
        .path("targetId").asText();
    String session = send(null, "Target.attachToTarget", JSON.createObjectNode().put("targetId", target)
        .put("flatten", true)).path("sessionId").asText();
    for (String domain : List.of("Runtime.enable", "Log.enable", "Page.enable")) {
      send(session, domain, JSON.createObjectNode());
    }
    send(session, "Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
        .put("height", 900).put("deviceScaleFactor", 1).put("mobile", false));
    loaded = new CompletableFuture<>();
    send(session, "Page.navigate", JSON.createObjectNode().put("url", page.toString()));
    loaded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    JsonNode value = JSON.readTree(send(session, "Runtime.evaluate", JSON.createObjectNode()
        .put("expression", "JSON.stringify(" + expression + ")").put("returnByValue", true))
        .at("/result/value").asText("null"));
    int height = send(session, "Runtime.evaluate", JSON.createObjectNode()
        .put("expression", "document.documentElement.scrollHeight").put("returnByValue", true))
        .at("/result/value").asInt(900);
    send(session, "Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
        .put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
    byte[] png = Base64.getDecoder().decode(send(session, "Page.captureScreenshot", JSON.createObjectNode()
        .put("format", "png")).path("data").asText());
    send(null, "Target.closeTarget", JSON.createObjectNode().put("targetId", target));
    synchronized (errors) {
      return new Page(List.copyOf(errors), value, png);
    }
  }

  private JsonNode send(String session, String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (session != null) {
      message.put("sessionId", session);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    socket.sendText(JSON.writeValueAsString(message), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    JsonNode answer = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IOException(method + ": " + answer.get("error"));
    }
    return answer.path("result");
  }

  private void event(JsonNode message) {
    String method = message.path("method").asText();
    JsonNode params = message.path("params");
    String error = switch (method) {
      case "Runtime.consoleAPICalled" -> params.path("type").asText().equals("error")
          || params.path("type").asText().equals("assert") ? "console: " + params.at("/args/0/value").asText() : null;
      case "Runtime.exceptionThrown" -> "exception: " + params.at("/exceptionDetails/exception/description")
          .asText(params.at("/exceptionDetails/text").asText());
      case "Log.entryAdded" -> params.at("/entry/level").asText().equals("error")
          ? "log: " + params.at("/entry/text").asText() + " " + params.at("/entry/url").asText() : null;
      default -> null;
    };
    if (error != null) {
      synchronized (errors) {
        errors.add(error);
      }
    }
    if (method.equals("Page.loadEventFired")) {
      loaded.complete(null);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("the browser did not close its connection", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // Asked first, so that the browser takes its renderer processes with it.
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Joins a message's parts, then answers the command it replies to or records the event it is. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder parts = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      parts.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(parts.toString());
          if (message.has("id")) {
            CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
            if (reply != null) {
              reply.complete(message);
            }
          } else {
            event(message);
          }
        } catch (IOException e) {
          replies.values().forEach(r -> r.completeExceptionally(e));
        }
        parts.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}

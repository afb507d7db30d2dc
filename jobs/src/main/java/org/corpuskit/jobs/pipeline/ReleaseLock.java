package org.corpuskit.jobs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code RELEASES/_refresh.lock}: held by one refresh at a time, so that two never write into the same release.
 * Taking it is one create that fails when the file exists, atomic on each file system: a new local file
 * ({@code CREATE_NEW}), HDFS's create without overwrite (the name node refuses an existing name), and on S3 a
 * PUT with {@code If-None-Match: *}, which S3A sends for a create without overwrite when
 * {@code fs.s3a.create.conditional.enabled} (true by default) holds.
 *
 * <p>The lock is a lease: its holder rewrites it every {@link #RENEW} while it runs, and a lock not rewritten for
 * {@link #EXPIRY} is taken over, whoever wrote it, since a driver that died on a cluster is not restarted on its
 * host. A lock of a process of this host that no longer runs is taken over at once. Any other is refused with its
 * holder named. The holder gives up only a lock that is still its own. Not thread-safe.
 */
public final class ReleaseLock implements AutoCloseable {
  static final String FILE = "_refresh.lock";
  static final Duration RENEW = Duration.ofMinutes(1);
  static final Duration EXPIRY = Duration.ofMinutes(10);
  /** Hadoop's builder option that makes S3A's create conditional. */
  private static final String CONDITIONAL = "fs.option.create.conditional.overwrite";
  /** The ids of the locks this process holds: a lock with this process's number is stale unless among them. */
  private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

  private final Releases releases;
  private final Path path;
  private final String holder;
  private final String id;
  private final ScheduledExecutorService renewer;

  private ReleaseLock(Releases releases, Path path, String holder, String id) {
    this.releases = releases;
    this.path = path;
    this.holder = holder;
    this.id = id;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "corpus-release-lock");
      thread.setDaemon(true);
      return thread;
    });
    renewer.scheduleAtFixedRate(this::renew, RENEW.toSeconds(), RENEW.toSeconds(), TimeUnit.SECONDS);
  }

  /** Takes the lock of {@code releases} for {@code command}, or says who holds it. */
  public static ReleaseLock take(Releases releases, String command) {
    return take(releases, command, EXPIRY);
  }

  /** As {@link #take(Releases, String)}, a lock not rewritten for {@code expiry} being stale (tests wait less). */
  static ReleaseLock take(Releases releases, String command, Duration expiry) {
    FileSystem fs = releases.fs();
    Path path = new Path(releases.rootPath(), FILE);
    String id = UUID.randomUUID().toString();
    String holder = Json.write(Map.of("id", id, "host", host(),
        "pid", ProcessHandle.current().pid(), "started", Instant.now().toString(), "command", command));
    for (int attempt = 0; attempt < 2; attempt++) {
      if (create(fs, path, holder) || releases.read(path).filter(holder::equals).isPresent()) {
        HELD.add(id);
        return new ReleaseLock(releases, path, holder, id);
      }
      String held = releases.read(path).orElse("");
      JsonNode node = Json.readTree(held.isBlank() ? "{}" : held, "the lock " + path);
      long pid = node.path("pid").asLong(-1);
      String stale = staleness(node, age(fs, path), expiry);
      if (stale == null || attempt > 0) {
        throw new UsageException(releases.root() + " is being refreshed by process " + pid + " on "
            + node.path("host").asText("an unknown host") + " since " + node.path("started").asText("?")
            + " (lock " + path + ", rewritten every minute while it runs, stale after " + expiry.toMinutes()
            + " minutes without); wait for it to end");
      }
      System.out.println("refresh: the lock of process " + pid + " on " + node.path("host").asText("?") + ", "
          + stale + ", is taken over");
      // Only the stale holder's file: another refresh may have taken it over a moment ago.
      if (releases.read(path).filter(held::equals).isPresent()) {
        delete(fs, path);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** Why a lock is stale, or null when it is not. */
  private static String staleness(JsonNode node, Duration age, Duration expiry) {
    long pid = node.path("pid").asLong(-1);
    if (age.compareTo(expiry) > 0) {
      return "not rewritten for " + age.toMinutes() + " minutes";
    }
    boolean here = host().equals(node.path("host").asText());
    if (here && pid == ProcessHandle.current().pid() && !HELD.contains(node.path("id").asText())) {
      return "which had this process's number and is no refresh of this process";
    }
    if (here && pid > 0 && ProcessHandle.of(pid).isEmpty()) {
      return "which no longer runs";
    }
    return null;
  }

  private static Duration age(FileSystem fs, Path path) {
    try {
      return Duration.ofMillis(Math.max(0, System.currentTimeMillis()
          - fs.getFileStatus(path).getModificationTime()));
    } catch (FileNotFoundException e) {
      return Duration.ZERO;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lock " + path, e);
    }
  }

  /** Creates the lock file unless it exists; false when it does. */
  private static boolean create(FileSystem fs, Path path, String holder) {
    byte[] bytes = holder.getBytes(StandardCharsets.UTF_8);
    try {
      if ("file".equals(fs.getUri().getScheme())) {
        Files.createDirectories(Paths.get(path.getParent().toUri()));
        Files.write(Paths.get(path.toUri()), bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      }
      fs.mkdirs(path.getParent());
      FSDataOutputStreamBuilder<?, ?> builder = fs.createFile(path);
      builder.overwrite(false).opt(CONDITIONAL, "true");
      try (FSDataOutputStream out = builder.build()) {
        out.write(bytes);
      }
      return true;
    } catch (FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // S3 answers a conditional PUT on an existing key with 412, which S3A reports as another IOException; a
      // retried PUT whose first try went through meets its own lock, which take() then recognises.
      if (exists(fs, path)) {
        return false;
      }
      throw new UncheckedIOException("cannot create the lock " + path, e);
    }
  }

  /** Rewrites the lock while it is still this holder's, so that its age says the refresh runs. */
  private void renew() {
    try {
      if (releases.read(path).filter(holder::equals).isPresent()) {
        try (FSDataOutputStream out = releases.fs().create(path, true)) {
          out.write(holder.getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException | RuntimeException e) {
      // The next renewal tries again; a lock left unrenewed for EXPIRY is taken over, as it should be then.
    }
  }

  private static boolean exists(FileSystem fs, Path path) {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      return false;
    }
  }

  private static void delete(FileSystem fs, Path path) {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the lock " + path, e);
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** Gives the lock up, if it is still this holder's. */
  @Override
  public void close() {
    renewer.shutdownNow();
    HELD.remove(id);
    if (releases.read(path).filter(holder::equals).isPresent()) {
      delete(releases.fs(), path);
    }
  }
}

package org.corpuskit.jobs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code RELEASES/_refresh.lock}: held by one refresh at a time, so that two never write into the same release.
 * Taking it is one create that fails when the file exists, atomic on each file system: a new local file
 * ({@code CREATE_NEW}), HDFS's create without overwrite (the name node refuses an existing name), and on S3 a
 * PUT with {@code If-None-Match: *}, which S3A sends for a create without overwrite when
 * {@code fs.s3a.create.conditional.enabled} (true by default) holds. The file names the holder (host, process,
 * start, command); a lock left by a process of this host that no longer runs is taken over, any other is
 * refused with its holder named. Not thread-safe.
 */
public final class ReleaseLock implements AutoCloseable {
  static final String FILE = "_refresh.lock";
  /** Hadoop's builder option that makes S3A's create conditional. */
  private static final String CONDITIONAL = "fs.option.create.conditional.overwrite";

  private final FileSystem fs;
  private final Path path;

  private ReleaseLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /** Takes the lock of {@code releases} for {@code command}, or says who holds it. */
  public static ReleaseLock take(Releases releases, String command) {
    FileSystem fs = releases.fs();
    Path path = new Path(releases.rootPath(), FILE);
    String holder = Json.write(Map.of("host", host(), "pid", ProcessHandle.current().pid(),
        "started", Instant.now().toString(), "command", command));
    for (int attempt = 0; attempt < 2; attempt++) {
      if (create(fs, path, holder)) {
        return new ReleaseLock(fs, path);
      }
      String held = releases.read(path).orElse("{}");
      JsonNode node = Json.readTree(held.isBlank() ? "{}" : held, "the lock " + path);
      long pid = node.path("pid").asLong(-1);
      boolean gone = host().equals(node.path("host").asText()) && pid > 0 && ProcessHandle.of(pid).isEmpty();
      if (!gone || attempt > 0) {
        throw new UsageException(releases.root() + " is being refreshed by process " + pid + " on "
            + node.path("host").asText("an unknown host") + " since " + node.path("started").asText("?")
            + " (lock " + path + "); wait for it to end, or delete the lock if that refresh is gone");
      }
      System.out.println("refresh: the lock of process " + pid + ", which no longer runs, is taken over");
      // Only the stale holder's file: another refresh of this host may have taken it over a moment ago.
      if (releases.read(path).filter(held::equals).isPresent()) {
        delete(fs, path);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** Creates the lock file unless it exists; false when it does. */
  private static boolean create(FileSystem fs, Path path, String holder) {
    byte[] bytes = holder.getBytes(StandardCharsets.UTF_8);
    try {
      if ("file".equals(fs.getUri().getScheme())) {
        Files.createDirectories(Paths.get(path.getParent().toUri()));
        Files.write(Paths.get(path.toUri()), bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
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
      // S3 answers a conditional PUT on an existing key with 412, which S3A reports as another IOException.
      if (exists(fs, path)) {
        return false;
      }
      throw new UncheckedIOException("cannot create the lock " + path, e);
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

  /** Gives the lock up. */
  @Override
  public void close() {
    delete(fs, path);
  }
}

package org.corpuskit.jobs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code corpus} in a JVM of its own, as a user starts it: with the heap it is given (in local mode the driver is
 * the executor, so this is the executor heap), and killable without taking the tests down. The child has this
 * JVM's class path and module flags. Stateless.
 */
public final class ChildCorpus {
  private ChildCorpus() {}

  /** What a finished child printed, and how it ended. */
  public record Result(int exitCode, String out, String err) {}

  /** Starts {@code corpus args} with {@code heap} (such as "1g"), system properties and output to {@code log}. */
  public static Process start(String heap, Map<String, String> properties, Path log, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap));
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-opens") || flag.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || flag.startsWith("-Djdk.reflect") || flag.startsWith("-Dio.netty")) {
        command.add(flag);
      }
    }
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("-Dlog4j2.level=warn", "-cp", System.getProperty("java.class.path"),
        "org.corpuskit.jobs.cli.Corpus"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectOutput(log.toFile()).redirectError(log.resolveSibling(log.getFileName() + ".err").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /** Runs {@code corpus args} to its end, or kills it after {@code timeout}. */
  public static Result run(String heap, Duration timeout, Path log, String... args) throws Exception {
    Process process = start(heap, Map.of(), log, args);
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("corpus " + String.join(" ", args) + " did not end within " + timeout + "; see " + log);
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
        Files.readString(log.resolveSibling(log.getFileName() + ".err"), StandardCharsets.UTF_8));
  }
}

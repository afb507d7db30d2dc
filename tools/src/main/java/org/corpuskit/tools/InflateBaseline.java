package org.corpuskit.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The baseline of {@code measure run}: the same archive files only inflated, on one core, timed in the same
 * command as the run so that the machine's mood of the moment divides out of the ratio. Two ways: the JDK's
 * inflater, as the reader uses it, and {@code zcat} when the machine has it.
 */
final class InflateBaseline {
  private InflateBaseline() {}

  /** Seconds the JDK takes to inflate every file, one after the other on one thread. */
  static double javaSeconds(List<Path> files) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long start = System.nanoTime();
    long inflated = 0;
    for (Path file : files) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          inflated += n;
        }
      }
    }
    if (inflated == 0) {
      throw new IllegalStateException("nothing inflated from " + files);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Seconds {@code zcat} takes over every file to /dev/null, or a negative number when it cannot be run. */
  static double zcatSeconds(List<Path> files) {
    List<String> command = new java.util.ArrayList<>(List.of("zcat", "--"));
    files.forEach(f -> command.add(f.toString()));
    long start = System.nanoTime();
    Process zcat;
    try {
      zcat = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException notInstalled) {
      return -1;
    }
    try {
      return zcat.waitFor() == 0 ? (System.nanoTime() - start) / 1e9 : -1;
    } catch (InterruptedException e) {
      zcat.destroyForcibly();
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}

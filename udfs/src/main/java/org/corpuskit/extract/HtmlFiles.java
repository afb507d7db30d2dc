package org.corpuskit.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.corpuskit.text.CharsetDecoder;

/** Reads a saved HTML page from disk as text, for debugging and evaluations. Thread-safe. */
public final class HtmlFiles {
  private HtmlFiles() {}

  /**
   * The page decoded with {@link CharsetDecoder}, un-gzipped when the name ends in {@code .gz}, without the
   * contents of its scripts and styles ({@link ScriptAndStyleContent}), as the extract stage reads pages.
   */
  public static String read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
         InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return CharsetDecoder.decode(ScriptAndStyleContent.removed(in.readAllBytes(), null), null).text();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

package org.corpuskit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.corpuskit.filter.FilterChain;
import org.corpuskit.filter.Rules;
import org.corpuskit.jobs.config.ConfigDocs;
import org.corpuskit.jobs.stages.filter.SignalsSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files made from the code, each kept equal to what the code makes now: the configuration reference, the
 * built-in rules and the schema of the filter's signals, which the tagger registry declares. After a change to
 * any of those, {@code mvn -B -pl jobs test -Dtest=GeneratedFilesTest -Dcorpus.regenerate=true} writes them.
 */
class GeneratedFilesTest {
  private static final Map<String, Supplier<String>> FILES = Map.of(
      "docs/configuration.md", ConfigDocs::markdown,
      "docs/filters.md", Rules::markdown,
      "schemas/src/main/resources/schemas/signals.json", GeneratedFilesTest::signalsJson);

  @ParameterizedTest
  @ValueSource(strings = {"docs/configuration.md", "docs/filters.md",
      "schemas/src/main/resources/schemas/signals.json"})
  void aGeneratedFileIsWhatTheCodeMakes(String file) throws IOException {
    Path path = Path.of(System.getProperty("corpus.root", "..")).resolve(file);
    String made = FILES.get(file).get();
    if (Boolean.getBoolean("corpus.regenerate")) {
      Files.writeString(path, made, StandardCharsets.UTF_8);
    }
    assertEquals(made, Files.readString(path), file + " is stale: regenerate it with mvn -B -pl jobs test "
        + "-Dtest=GeneratedFilesTest -Dcorpus.regenerate=true");
  }

  private static String signalsJson() {
    try {
      ObjectMapper json = new ObjectMapper();
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
          .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
      return json.writer(printer).writeValueAsString(json.readTree(SignalsSchema.of(FilterChain.signals()).json()))
          + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

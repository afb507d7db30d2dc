package org.corpuskit.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.corpuskit.jobs.cli.Corpus;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every file in deploy/ against the build: each names the cluster jar the build makes, and each corpus command
 * line it holds (a manifest's arguments, an EMR step's, a Dataproc batch's, the Airflow task's, the scripts'
 * examples) parses as the CLI parses it, every option known and every value valid.
 */
class DeployFilesTest {
  private static final Path DEPLOY = Path.of("../deploy");
  private static final String JAR = "corpus-jobs-cluster.jar";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  @Test
  void everyFileNamesTheClusterJarAndItsCommandLinesParse() throws IOException {
    assertTrue(Files.readString(Path.of("pom.xml")).contains("<outputFile>${project.build.directory}/" + JAR),
        "the build makes " + JAR);
    Map<String, List<List<String>>> commands = new TreeMap<>();
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = DEPLOY.relativize(file).toString();
        String text = Files.readString(file);
        assertTrue(text.contains(JAR), name + " does not name " + JAR);
        commands.put(name, commandLines(name, text));
      }
    }
    for (String launcher : List.of("kubernetes/spark-application.yaml", "kubernetes/scheduled-refresh.yaml",
        "emr/refresh-step.json", "dataproc/refresh-batch.json", "airflow/corpus_refresh.py", "spark-submit.sh",
        "local-cluster-test.sh")) {
      assertFalse(commands.getOrDefault(launcher, List.of()).isEmpty(), launcher + " holds no corpus command line");
    }
    commands.forEach((file, lines) -> lines.forEach(line ->
        assertDoesNotThrow(() -> Corpus.parse(line.toArray(String[]::new)), file + ": corpus " + line)));
  }

  @Test
  void anOptionTheCliDoesNotTakeFailsTheCheck() {
    assertThrows(CommandLine.ParameterException.class,
        () -> Corpus.parse("refresh", "--crawl", "latest", "--release", "s3a://b/r"));
    assertThrows(CommandLine.ParameterException.class, () -> Corpus.parse("refresh", "--crawl", "latest"));
    assertThrows(CommandLine.ParameterException.class, () -> Corpus.parse("refesh", "--releases", "r"));
  }

  @Test
  void theServicesRunTheMainClassOfTheBuild() throws IOException {
    String main = Corpus.class.getName();
    JsonNode step = JSON.readTree(DEPLOY.resolve("emr/refresh-step.json").toFile()).get(0);
    List<String> args = texts(step.get("Args"));
    assertEquals(main, args.get(args.indexOf("--class") + 1));
    assertEquals("command-runner.jar", step.get("Jar").asText());
    JsonNode batch = JSON.readTree(DEPLOY.resolve("dataproc/refresh-batch.json").toFile());
    assertEquals(main, batch.at("/sparkBatch/mainClass").asText());
    assertTrue(Files.readString(DEPLOY.resolve("airflow/corpus_refresh.py")).contains("java_class=\"" + main + "\""));
    assertEquals(main, YAML.readTree(DEPLOY.resolve("kubernetes/scheduled-refresh.yaml").toFile())
        .at("/spec/template/mainClass").asText());
    assertTrue(Files.readString(DEPLOY.resolve("spark-submit.sh")).contains("--class " + main));
  }

  /** The corpus command lines in one file of deploy/, by its kind. */
  private static List<List<String>> commandLines(String name, String text) throws IOException {
    List<List<String>> lines = new ArrayList<>();
    if (name.endsWith(".yaml")) {
      JsonNode spec = YAML.readTree(text).get("spec");
      JsonNode application = spec.has("template") ? spec.get("template") : spec;
      lines.add(texts(application.get("arguments")));
    } else if (name.startsWith("emr/")) {
      for (JsonNode step : JSON.readTree(text)) {
        List<String> args = texts(step.get("Args"));
        int jar = args.indexOf(args.stream().filter(a -> a.endsWith(JAR)).findFirst().orElseThrow());
        lines.add(args.subList(jar + 1, args.size()));
      }
    } else if (name.startsWith("dataproc/")) {
      lines.add(texts(JSON.readTree(text).at("/sparkBatch/args")));
    } else if (name.endsWith(".py")) {
      Matcher list = Pattern.compile("application_args=\\[([^\\]]*)]").matcher(text);
      while (list.find()) {
        List<String> args = new ArrayList<>();
        Matcher arg = QUOTED.matcher(list.group(1));
        while (arg.find()) {
          args.add(arg.group(1));
        }
        lines.add(args);
      }
    } else if (name.endsWith(".sh")) {
      // The scripts' runs and examples: what follows " -- " (spark-submit.sh's separator), to the line's end or
      // the shell's redirection, pipe or background sign, which are the shell's and not arguments.
      Matcher example = Pattern.compile("(?m) -- \\\\?\\n?\\s*((?:run|refresh|releases|extract|verify)\\b[^\\n|>&]*)")
          .matcher(text);
      while (example.find()) {
        lines.add(List.of(example.group(1).replace("\"", "").replaceFirst("\\s2$", "").strip().split("\\s+")));
      }
    }
    return lines;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(a -> texts.add(a.asText()));
    return texts;
  }
}

package org.corpuskit.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.jobs.cli.Corpus;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in deploy/kubernetes against the Spark operator's real CRD schemas (its OpenAPI v3
 * schema, read strictly: a field the schema does not name is an error, as {@code kubectl apply
 * --validate=strict} makes it), and against the build: the main class, the jar the image holds and the Spark
 * version ({@link DeployFilesTest} parses their command lines). No cluster or container runtime is needed.
 */
class KubernetesManifestsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path DEPLOY = Path.of("../deploy/kubernetes");

  @Test
  void theSparkApplicationPassesTheOperatorsSchema() throws IOException {
    JsonNode manifest = YAML.readTree(DEPLOY.resolve("spark-application.yaml").toFile());
    assertEquals(Set.of(), schema("sparkoperator.k8s.io_sparkapplications.yaml", manifest).validate(manifest));
  }

  @Test
  void theScheduledRefreshPassesTheOperatorsSchema() throws IOException {
    JsonNode manifest = YAML.readTree(DEPLOY.resolve("scheduled-refresh.yaml").toFile());
    assertEquals(Set.of(),
        schema("sparkoperator.k8s.io_scheduledsparkapplications.yaml", manifest).validate(manifest));
    JsonNode template = manifest.get("spec").get("template");
    assertEquals(org.apache.spark.package$.MODULE$.SPARK_VERSION(), template.get("sparkVersion").asText());
    assertEquals(YAML.readTree(DEPLOY.resolve("spark-application.yaml").toFile()).at("/spec/mainApplicationFile"),
        template.get("mainApplicationFile"));
  }

  @Test
  void aMisspeltOrMistypedFieldFailsTheSchema() throws IOException {
    JsonNode manifest = YAML.readTree(DEPLOY.resolve("spark-application.yaml").toFile());
    JsonSchema schema = schema("sparkoperator.k8s.io_sparkapplications.yaml", manifest);
    ObjectNode misspelt = manifest.deepCopy();
    ((ObjectNode) misspelt.get("spec")).set("mainClas", ((ObjectNode) misspelt.get("spec")).remove("mainClass"));
    assertFalse(schema.validate(misspelt).isEmpty(), "an unknown field");
    ObjectNode mistyped = manifest.deepCopy();
    ((ObjectNode) mistyped.get("spec").get("executor")).put("instances", "eight");
    assertFalse(schema.validate(mistyped).isEmpty(), "a text where a number is wanted");
  }

  @Test
  void theManifestAndTheImageAgreeWithTheBuild() throws IOException {
    JsonNode spec = YAML.readTree(DEPLOY.resolve("spark-application.yaml").toFile()).get("spec");
    assertEquals(Corpus.class.getName(), spec.get("mainClass").asText());
    assertEquals(org.apache.spark.package$.MODULE$.SPARK_VERSION(), spec.get("sparkVersion").asText());
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
    Matcher from = Pattern.compile("(?m)^FROM apache/spark:([0-9.]+)-scala([0-9.]+)-java([0-9]+)").matcher(dockerfile);
    assertTrue(from.find(), "the image is built on the official Spark image");
    assertEquals(org.apache.spark.package$.MODULE$.SPARK_VERSION(), from.group(1));
    assertEquals(scala.util.Properties.versionNumberString().replaceAll("\\.[0-9]+$", ""), from.group(2));
    assertEquals("17", from.group(3));
    String jar = spec.get("mainApplicationFile").asText().replaceFirst("^local://", "");
    assertTrue(dockerfile.contains("/src/jobs/target/corpus-jobs-cluster.jar " + jar), dockerfile);
    assertTrue(Files.readString(Path.of("pom.xml")).contains("<outputFile>${project.build.directory}/"
        + "corpus-jobs-cluster.jar</outputFile>"), "the cluster jar the image copies is the one the build makes");
  }

  /** The CRD's schema for the manifest's version, made strict where the CRD does not keep unknown fields. */
  private static JsonSchema schema(String crd, JsonNode manifest) throws IOException {
    JsonNode definition = YAML.readTree(LocalSpark.sharedData("k8s/spark-operator/" + crd).toFile());
    String version = manifest.get("apiVersion").asText().replaceFirst(".*/", "");
    for (JsonNode served : definition.get("spec").get("versions")) {
      if (served.get("name").asText().equals(version)) {
        JsonNode schema = served.get("schema").get("openAPIV3Schema").deepCopy();
        strict(schema);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
      }
    }
    throw new AssertionError(crd + " serves no version " + version);
  }

  private static void strict(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if (object.has("properties") && !object.has("additionalProperties")
          && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        object.put("additionalProperties", false);
      }
      object.forEach(KubernetesManifestsTest::strict);
    } else if (node.isArray()) {
      node.forEach(KubernetesManifestsTest::strict);
    }
  }
}

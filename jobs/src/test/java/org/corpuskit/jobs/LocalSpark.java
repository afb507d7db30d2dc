package org.corpuskit.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests one local SparkSession shared by every test class in the JVM (starting Spark
 * costs seconds; sharing it keeps the suite fast). The session is stopped when the JVM exits.
 */
public final class LocalSpark implements ParameterResolver {
  private static SparkSession session;

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("corpus-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session();
  }

  /**
   * A path under ../shared/data; skips the calling test when it is absent, or fails it when CI says the data
   * must be there ({@code CORPUS_SHARED_DATA=required}).
   */
  public static Path sharedData(String relative) {
    String root = System.getProperty("corpus.shared.data", "../../shared/data");
    Path path = Path.of(root).resolve(relative);
    if ("required".equals(System.getenv("CORPUS_SHARED_DATA"))) {
      assertTrue(Files.exists(path), "CORPUS_SHARED_DATA=required and the shared data lacks " + path);
    }
    assumeTrue(Files.exists(path), "shared data not present: " + path);
    return path;
  }
}

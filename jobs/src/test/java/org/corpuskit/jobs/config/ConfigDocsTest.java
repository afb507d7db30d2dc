package org.corpuskit.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigDocsTest {
  @Test
  void everyKeyIsDocumentedWithItsDefault() {
    String markdown = ConfigDocs.markdown();
    for (String path : ConfigKeys.allPaths(PipelineConfig.class, "")) {
      boolean section = ConfigKeys.allPaths(PipelineConfig.class, "").stream().anyMatch(p -> p.startsWith(path + "."));
      assertTrue(markdown.contains(section ? "## " + path + "\n" : "| `" + path + "` |"), path);
    }
  }

  @Test
  void thePrintedYamlLoadsBackToTheSameConfiguration() {
    PipelineConfig changed = ConfigLoader.load(null, java.util.List.of("extract.max_depth=7", "input.paths=[a, b]"));
    assertEquals(changed, ConfigLoader.parse("printed", ConfigDocs.yaml(changed)));
  }
}

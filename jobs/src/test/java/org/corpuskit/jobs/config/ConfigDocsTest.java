package org.corpuskit.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {
  @Test
  void docsConfigurationMdIsWhatCorpusConfigMarkdownPrints() throws IOException {
    Path docs = Path.of(System.getProperty("corpus.root", "..")).resolve("docs/configuration.md");
    assertEquals(ConfigDocs.markdown(), Files.readString(docs),
        "docs/configuration.md is stale: regenerate it with bin/corpus config --markdown > docs/configuration.md");
  }

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

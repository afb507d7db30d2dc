package org.corpuskit.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.corpuskit.jobs.LocalSpark;
import org.corpuskit.jobs.cli.Corpus;
import org.corpuskit.sample.SampleCrawl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl read as users without AWS credentials read Common Crawl: {@code --crawl} against an HTTPS base laid
 * out as data.commoncrawl.org is, here a loopback server that answers the first requests with 503 Slow Down.
 */
@ExtendWith(LocalSpark.class)
class HttpInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aCrawlReadOverHttpThroughSlowDownsGivesTheCountsOfTheSameArchiveOnDisk() throws IOException {
    Path site = dir.resolve("site");
    String key = "crawl-data/CC-MAIN-2024-22/segments/1/warc/" + SampleCrawl.WARC_NAME;
    Path warc = SampleCrawl.write(Files.createDirectories(site.resolve(key).getParent())).warc();
    Path listing = site.resolve("crawl-data/CC-MAIN-2024-22/warc.paths.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(listing))) {
      out.write((key + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Path local = dir.resolve("local");
    assertEquals(0, Corpus.execute("extract", "--input", warc.toString(), "--out", local.toString()));
    try (HttpFiles server = new HttpFiles(site)) {
      server.slowDowns.set(2);
      Path remote = dir.resolve("remote");
      assertEquals(0, Corpus.execute("run", "--crawl", "CC-MAIN-2024-22", "--cc-base", server.base(), "--to",
          "extract", "--out", remote.toString()));
      assertEquals(0, server.slowDowns.get(), "the 503s were answered");
      JsonNode read = extract(remote);
      assertEquals(extract(local).toString(), read.toString());
      assertTrue(read.get("out").asLong() > 500, read.toString());
      JsonNode files = JSON.readTree(remote.resolve("run.json").toFile()).at("/inputs/files");
      assertEquals(server.base() + key, files.get(0).get("path").asText());
    }
  }

  @Test
  void aScheduledRefreshOfTheLatestCrawlWritesAReleaseThenNothingUntilANewCrawlAppears() throws IOException {
    Path site = dir.resolve("site");
    String key = "crawl-data/CC-MAIN-2024-22/segments/1/warc/" + SampleCrawl.WARC_NAME;
    SampleCrawl.write(Files.createDirectories(site.resolve(key).getParent()));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
        site.resolve("crawl-data/CC-MAIN-2024-22/warc.paths.gz")))) {
      out.write((key + "\n").getBytes(StandardCharsets.UTF_8));
    }
    // Common Crawl's list puts the newest first; the order is not relied on.
    Files.writeString(site.resolve("collinfo.json"), "[{\"id\": \"CC-MAIN-2023-50\", \"name\": \"December 2023\"}, "
        + "{\"id\": \"CC-MAIN-2024-22\", \"name\": \"May 2024\"}, {\"id\": \"CC-MAIN-2024-10\"}]");
    try (HttpFiles server = new HttpFiles(site)) {
      String[] refresh = {"refresh", "--crawl", "latest", "--releases", dir.resolve("releases").toString(),
          "--cc-base", server.base(), "--set", "input.crawl_list=" + server.base() + "collinfo.json"};
      assertEquals(0, Corpus.execute(refresh));
      JsonNode release = JSON.readTree(dir.resolve("releases/release-00001/release.json").toFile());
      assertEquals("[\"CC-MAIN-2024-22\"]", release.get("crawls").toString());
      assertTrue(release.get("tokens").asLong() > 100_000, release.toString());
      assertEquals(0, Corpus.execute(refresh));
      assertTrue(Files.notExists(dir.resolve("releases/release-00002")), "nothing new, nothing written");
      Files.writeString(site.resolve("collinfo.json"), "[]");
      assertEquals(2, Corpus.execute(refresh), "a list that names no crawl is a usage error");
    }
  }

  private static JsonNode extract(Path out) throws IOException {
    JsonNode stage = JSON.readTree(out.resolve("stats.json").toFile()).get("stages").get(0);
    ((com.fasterxml.jackson.databind.node.ObjectNode) stage).remove(java.util.List.of("seconds", "reused"));
    return stage;
  }
}

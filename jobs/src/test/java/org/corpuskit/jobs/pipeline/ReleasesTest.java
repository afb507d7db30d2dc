package org.corpuskit.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ReleasesTest {
  @Test
  void aCommonCrawlFileIsTheSameFileOverHttpsAndFromS3() {
    String key = "crawl-data/CC-MAIN-2024-22/segments/1715971057216.39/warc/CC-MAIN-20240517-00000.warc.gz";
    assertEquals(key, Releases.key("https://data.commoncrawl.org/" + key));
    assertEquals(key, Releases.key("s3a://commoncrawl/" + key));
    assertEquals(key, Releases.key("hdfs://nn:8020/mirror/" + key));
  }

  @Test
  void anyOtherFileIsItsPathAsResolved() {
    assertEquals("file:/data/crawl/a.warc.gz", Releases.key("file:/data/crawl/a.warc.gz"));
    assertNotEquals(Releases.key("file:/data/one/a.warc.gz"), Releases.key("file:/data/two/a.warc.gz"));
  }
}

package org.corpuskit.jobs.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.hadoop.conf.Configuration;
import org.corpuskit.jobs.pipeline.UsageException;

/**
 * Common Crawl's list of crawls ({@code https://index.commoncrawl.org/collinfo.json}: a JSON array of objects
 * with an {@code id} such as CC-MAIN-2024-22), read to find the newest crawl for {@code --crawl latest}.
 */
public final class CrawlList {
  private static final Pattern CRAWL = Pattern.compile("CC-MAIN-\\d{4}-\\d{2}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private CrawlList() {}

  /**
   * The newest crawl the list at {@code url} names, by its year and week rather than its place in the list;
   * an unreadable list, or one naming no crawl, is a usage error naming the list.
   */
  public static String latest(String url, Configuration conf) {
    JsonNode list;
    try (InputStream in = open(url, conf)) {
      list = JSON.readTree(in);
    } catch (FileNotFoundException e) {
      throw new UsageException("crawl latest: no list of crawls at " + url + " (input.crawl_list)");
    } catch (IOException e) {
      throw new UsageException("crawl latest: cannot read the list of crawls " + url + ": " + IoMessages.of(e));
    }
    if (list == null || !list.isArray()) {
      throw new UsageException("crawl latest: " + url + " is not a JSON list of crawls (input.crawl_list)");
    }
    return StreamSupport.stream(list.spliterator(), false).map(node -> node.path("id").asText())
        .filter(id -> CRAWL.matcher(id).matches()).max(String::compareTo).orElseThrow(() ->
            new UsageException("crawl latest: the list " + url + " names no crawl such as CC-MAIN-2024-22"));
  }

  private static InputStream open(String url, Configuration conf) throws IOException {
    return Channels.newInputStream(HadoopChannel.open(url, conf));
  }
}

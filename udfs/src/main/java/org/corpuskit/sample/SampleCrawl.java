package org.corpuskit.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Writes the embedded default sample: a synthetic crawl, the same bytes on every run, made to exercise every
 * stage of the pipeline. It holds {@link #PAGES} HTML pages in eight languages and four scripts, laid out in
 * three boilerplate-heavy templates (navigation, cookie banners, sidebars, related links, comments, footers);
 * exact and near duplicates; a few pages captured twice; spam and adult-looking hosts; pages with e-mail addresses, phone numbers and IP
 * addresses; pages quoting items of {@code benchmark.jsonl}, written beside the archive; and, at the end, a few
 * records that are broken on purpose (malformed HTTP, a wrong Content-Length, bytes that are no record, a
 * truncated gzip member) next to ordinary non-pages (a 404, an image, a revisit, a request).
 *
 * <p>Not thread-safe; each call to {@link #write} is independent.
 */
public final class SampleCrawl {
  /** HTML pages in the sample, before the special records. */
  public static final int PAGES = 520;
  public static final String WARC_NAME = "CC-MAIN-2024-22-sample-00000.warc.gz";
  public static final String BENCHMARK_NAME = "benchmark.jsonl";
  /** A clean document set beside the crawl, as a Wikipedia dump would be: JSON lines with id and text. */
  public static final String REFERENCE_NAME = "reference.jsonl";
  public static final int REFERENCE_DOCUMENTS = 60;

  /** Pages fetched a second time, two days later, with a line added: the sample's URL duplicates. */
  public static final int RECAPTURES = 5;

  private static final long SEED = 20240522L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECAPTURE_OFFSET = 200_000;
  private static final Instant START = Instant.parse("2024-05-22T08:00:00Z");
  private static final String[] LANGS = {"en", "de", "fr", "es", "ru", "zh", "ar", "ja"};
  private static final String[] SITES = {
      "millbrook-gazette.example", "kessel-nachrichten.example", "vallee-info.example", "barrio-noticias.example",
      "gorod-vesti.example", "hebian-news.example", "madina-today.example", "ekimae-times.example"};
  private static final String[] SPAM_HOSTS = {"cheap-pills-online.example", "win-casino-bonus.example"};
  private static final String[] ADULT_HOSTS = {"xxx-hot-videos.example", "adult-cams-live.example"};

  private SampleCrawl() {}

  /** The crawls of {@link #writeCrawls}: the first holds about half the pages, the second the rest. */
  public static final List<String> CRAWLS = List.of("CC-MAIN-2024-22", "CC-MAIN-2024-26");

  /** The files written, and the number of HTML pages in the archive. */
  public record Written(Path warc, Path benchmark, Path reference, int pages) {}

  /**
   * Writes the sample WARC and the benchmark file into {@code dir}, creating it. A file that already holds the
   * same bytes is left alone, so that its modification time, and the fingerprint of a run that read it, stay.
   */
  public static Written write(Path dir) throws IOException {
    writeBeside(dir);
    Path warc = dir.resolve(WARC_NAME);
    writeIfChanged(warc, warcBytes(-1));
    // Among the special records, the one after the garbage bytes is a page too.
    return new Written(warc, dir.resolve(BENCHMARK_NAME), dir.resolve(REFERENCE_NAME), PAGES + RECAPTURES + 1);
  }

  /** Writes the benchmark and the reference set into {@code dir}, creating it. */
  private static void writeBeside(Path dir) throws IOException {
    Files.createDirectories(dir);
    writeIfChanged(dir.resolve(BENCHMARK_NAME),
        (String.join("\n", benchmarkLines()) + "\n").getBytes(StandardCharsets.UTF_8));
    writeIfChanged(dir.resolve(REFERENCE_NAME),
        (String.join("\n", referenceLines()) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the same pages as {@link #write}, as two crawls of {@link #CRAWLS} (each file's warcinfo names its
   * crawl), for trying {@code corpus refresh}: pages go to the crawls in alternating runs of eight, so that
   * every planted near duplicate is in the other crawl than its original and every exact duplicate in the same
   * one; the second captures of pages, and the broken records, are in the second crawl. Returns the two WARC
   * files; the benchmark and reference files are written beside them as by {@link #write}.
   */
  public static List<Path> writeCrawls(Path dir) throws IOException {
    writeBeside(dir);
    List<Path> warcs = new ArrayList<>();
    for (int crawl = 0; crawl < CRAWLS.size(); crawl++) {
      Path warc = dir.resolve(CRAWLS.get(crawl) + "-sample-00000.warc.gz");
      writeIfChanged(warc, warcBytes(crawl));
      warcs.add(warc);
    }
    return warcs;
  }

  /** The crawl of {@link #CRAWLS} that holds page {@code i}'s first capture. */
  public static int crawlOf(int page) {
    return (page / 8) % 2;
  }

  private static void writeIfChanged(Path file, byte[] bytes) throws IOException {
    if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
      Files.write(file, bytes);
    }
  }

  /** The sample archive: all of it ({@code crawl} -1), or the part {@link #writeCrawls} puts in that crawl. */
  private static byte[] warcBytes(int crawl) throws IOException {
    boolean last = crawl < 0 || crawl == CRAWLS.size() - 1;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = bytes) {
      out.write(member(warcinfo(crawl < 0 ? null : CRAWLS.get(crawl))));
      List<String> bodies = bodies();
      for (int i = 0; i < PAGES; i++) {
        String url = url(i);
        if (crawl < 0 || crawlOf(i) == crawl) {
          out.write(member(response(i, url, html(i, url, bodies.get(i)), "text/html; charset=UTF-8", 200)));
        }
        if (recaptured(i) && last) {
          String updated = bodies.get(i) + "\n\nUpdated two days later: the opening hours above were corrected.";
          out.write(member(response(i + RECAPTURE_OFFSET, url, html(i, url, updated), "text/html; charset=UTF-8",
              200)));
        }
        if (i % 50 == 0 && (crawl < 0 || crawlOf(i) == crawl)) {
          out.write(member(request(i, url)));
        }
      }
      if (last) {
        writeSpecialRecords(out);
      }
    }
    return bytes.toByteArray();
  }

  private static List<String> benchmarkLines() {
    List<String> lines = new ArrayList<>();
    for (String[] item : SampleText.BENCHMARK) {
      lines.add("{\"question\": \"" + item[0] + "\", \"answer\": \"" + item[1] + "\"}");
    }
    return lines;
  }

  /** English and German articles of the sample's own prose, one JSON object per line. */
  private static List<String> referenceLines() throws JsonProcessingException {
    Random random = new Random(SEED + 1);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < REFERENCE_DOCUMENTS; i++) {
      Map<String, String> document = new LinkedHashMap<>();
      document.put("id", String.format("reference-%03d", i));
      document.put("text", SampleProse.page(i % 3 == 0 ? "de" : "en", random));
      lines.add(JSON.writeValueAsString(document));
    }
    return lines;
  }

  private static String url(int i) {
    if (i % 37 == 5) {
      return "https://" + SPAM_HOSTS[i % 2] + "/buy-now/offer-" + i + ".html";
    }
    if (i % 41 == 7) {
      return "https://" + ADULT_HOSTS[i % 2] + "/videos/" + i;
    }
    String lang = LANGS[i % LANGS.length];
    return "https://www." + SITES[i % SITES.length] + "/" + lang + "/2024/05/article-" + i + ".html";
  }

  /** The article bodies of the {@link #PAGES} pages, in order, the same on every call. */
  static List<String> bodies() {
    Random random = new Random(SEED);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < PAGES; i++) {
      bodies.add(body(i, random, bodies));
    }
    return bodies;
  }

  /** The language page {@code i} is written in. */
  static String language(int i) {
    return LANGS[i % LANGS.length];
  }

  /**
   * Whether page {@code i}'s body is prose of its own and nothing else: not a planted exact or near duplicate,
   * and without a benchmark quote, personal data or a spam line appended.
   */
  static boolean ordinary(int i) {
    return !exactDuplicate(i) && !nearDuplicate(i) && i % 40 != 3 && i % 13 != 4 && i % 37 != 5;
  }

  /** Whether page {@code i} is fetched again later under the same URL. */
  static boolean recaptured(int i) {
    return i % 100 == 60;
  }

  /**
   * The planted near and exact duplicates: pairs {@code {copy, original}} of page numbers, the copy's body the
   * original's, or the original's with one sentence changed. A page's number is in its URL.
   */
  public static List<int[]> plantedDuplicates() {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < PAGES; i++) {
      if (exactDuplicate(i)) {
        pairs.add(new int[] {i, i - 16});
      } else if (nearDuplicate(i)) {
        pairs.add(new int[] {i, i - 8});
      }
    }
    return pairs;
  }

  private static boolean exactDuplicate(int i) {
    return i >= 30 && i % 25 == 0;
  }

  private static boolean nearDuplicate(int i) {
    return i >= 30 && i % 17 == 0 && !exactDuplicate(i);
  }

  /**
   * The article body as paragraphs separated by blank lines: new prose, or a copy or near copy of an earlier
   * body, with a benchmark quote, contact details or a spam line after some.
   */
  private static String body(int i, Random random, List<String> earlier) {
    if (exactDuplicate(i)) {
      return earlier.get(i - 16);
    }
    if (nearDuplicate(i)) {
      String near = earlier.get(i - 8);
      return near.replaceFirst("\\.", ", as the organisers confirmed on Monday.");
    }
    StringBuilder text = new StringBuilder(SampleProse.page(language(i), random));
    if (i % 40 == 3) {
      String[] item = SampleText.BENCHMARK.get((i / 40) % SampleText.BENCHMARK.size());
      text.append("\n\nA reader asked us: ").append(item[0]).append(" The answer is ").append(item[1]).append('.');
    }
    if (i % 13 == 4) {
      text.append("\n\nFor questions write to jane.doe").append(i).append("@millbrook-mail.example or call +1 555-01")
          .append(String.format("%02d", i % 100)).append(". Server logs showed requests from 192.0.2.")
          .append(i % 250).append('.');
    }
    if (i % 37 == 5) {
      text.append("\n\nBUY CHEAP PILLS NOW!!! BEST PRICE BEST PRICE BEST PRICE click here click here click here");
    }
    return text.toString();
  }

  private static String html(int i, String url, String body) {
    String lang = LANGS[i % LANGS.length];
    String title = "Article " + i + " | " + SITES[i % SITES.length];
    StringBuilder paragraphs = new StringBuilder();
    for (String p : body.split("\n\n")) {
      paragraphs.append("<p>").append(escape(p)).append("</p>\n");
    }
    StringBuilder nav = new StringBuilder("<ul class=\"menu\">");
    for (String link : SampleText.BOILERPLATE_LINKS) {
      nav.append("<li><a href=\"/").append(link.toLowerCase().replace(' ', '-')).append("\">").append(link)
          .append("</a></li>");
    }
    nav.append("</ul>");
    String cookie = "<div class=\"cookie-banner\">We use cookies to improve your experience. <button>Accept</button></div>";
    String footer = "<footer><p>© 2024 " + SITES[i % SITES.length] + " · Imprint · Privacy policy · Terms</p></footer>";
    String related = "<div class=\"related-posts\"><h3>Related</h3><ul><li><a href=\"/a\">Ten things you missed</a></li>"
        + "<li><a href=\"/b\">Our most read stories</a></li><li><a href=\"/c\">Weather this week</a></li></ul></div>";
    String head = "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + title
        + "</title><script>var tracking = {page: " + i + "};</script><style>body{font:16px serif}</style></head>\n";
    return switch (i % 3) {
      case 0 -> head + "<body><header><nav>" + nav + "</nav></header>" + cookie
          + "<main><article><h1>" + title + "</h1>" + paragraphs + "</article></main>"
          + "<aside class=\"sidebar\"><h3>Popular</h3><ul><li><a href=\"/p\">Most shared</a></li></ul></aside>"
          + related + footer + "</body></html>";
      case 1 -> head + "<body><div id=\"header\"><div class=\"navbar\">" + nav + "</div></div>"
          + "<div class=\"breadcrumb\"><a href=\"/\">Home</a> › <a href=\"/news\">News</a></div>"
          + "<div class=\"content\"><div class=\"post-content\"><h1>" + title + "</h1>" + paragraphs
          + "</div><div class=\"share-buttons\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div>"
          + "<div id=\"comments\"><h3>2 comments</h3><p>Great article, thanks!</p><p>I disagree.</p></div></div>"
          + related + footer + cookie + "</body></html>";
      default -> head + "<body><table width=\"100%\"><tr><td class=\"nav\">" + nav + "</td><td>"
          + "<div id=\"main-content\"><h2>" + title + "</h2>" + paragraphs
          + "<ul><li>Opening hours: 9:00 to 17:00</li><li>Entrance: free</li></ul></div></td></tr></table>"
          + "<div class=\"footer\">Contact · Imprint · Sitemap</div></body></html>";
    };
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void writeSpecialRecords(OutputStream out) throws IOException {
    int n = PAGES;
    out.write(member(response(n++, "https://www.millbrook-gazette.example/missing", "<html><body>Not found</body></html>",
        "text/html", 404)));
    out.write(member(response(n++, "https://www.millbrook-gazette.example/logo.png", "\u0089PNG\r\n\u001a\n\u0000\u0000",
        "image/png", 200)));
    out.write(member(record(n++, "revisit", url(1), "application/http; msgtype=response",
        WarcBytes.utf8("HTTP/1.1 200 OK\r\n\r\n"),
        "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest")));
    out.write(member(record(n++, "response", "https://www.millbrook-gazette.example/broken-http",
        "application/http; msgtype=response",
        WarcBytes.utf8("HTTP/1.1 two hundred OK\r\nContent-Type text/html\r\n\r\n<p>x</p>"))));
    byte[] wrongLength = record(n++, "response", url(2) + "?wrong-length", "application/http; msgtype=response",
        WarcBytes.httpResponse(200, "text/html",
            WarcBytes.utf8("<html><body><p>The declared length is longer than this record.</p></body></html>")));
    out.write(member(new String(wrongLength, StandardCharsets.UTF_8)
        .replaceFirst("Content-Length: \\d+", "Content-Length: 99999").getBytes(StandardCharsets.UTF_8)));
    out.write(WarcBytes.utf8("this is not a WARC record, just bytes between two gzip members\n"));
    out.write(member(response(n++, url(3) + "?after-garbage",
        html(3, url(3), "A page after a stretch of garbage bytes is still read. It has enough words to be kept."),
        "text/html; charset=UTF-8", 200)));
    byte[] last = member(response(n, url(4) + "?truncated", html(4, url(4), "This record is cut off."),
        "text/html", 200));
    out.write(last, 0, last.length / 2);
  }

  private static byte[] warcinfo(String crawl) {
    String fields = "software: corpus sample generator\r\nformat: WARC File Format 1.1\r\n"
        + "description: synthetic crawl for tests and the default run\r\n"
        + (crawl == null ? "" : "isPartOf: " + crawl + "\r\n");
    return record(-1, "warcinfo", null, "application/warc-fields", WarcBytes.utf8(fields));
  }

  private static byte[] response(int i, String url, String body, String contentType, int status) {
    return record(i, "response", url, "application/http; msgtype=response",
        WarcBytes.httpResponse(status, contentType, WarcBytes.utf8(body)));
  }

  private static byte[] request(int i, String url) {
    String host = url.replaceFirst("https://", "").replaceFirst("/.*", "");
    return record(i + 100_000, "request", url, "application/http; msgtype=request",
        WarcBytes.utf8("GET " + url.replaceFirst("https://[^/]+", "") + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n"));
  }

  private static byte[] record(int i, String type, String url, String contentType, byte[] block, String... extra) {
    String id = "urn:uuid:" + UUID.nameUUIDFromBytes(WarcBytes.utf8("corpus-sample-record-" + i));
    return WarcBytes.record(type, id, START.plusSeconds(Math.max(0, i)), url, contentType, block, extra);
  }

  private static byte[] member(byte[] record) {
    return WarcBytes.gzip(record);
  }
}

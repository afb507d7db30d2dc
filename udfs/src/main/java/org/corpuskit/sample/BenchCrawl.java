package org.corpuskit.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A large crawl made from a few real pages, for end-to-end benchmarks: archive file {@code f} holds copies of
 * the pages in turn, each copy with its own URL and its words varied, so that copies are not duplicates of one
 * another and every stage has real work. The markup, the scripts, the page structure and the share of text are
 * the real pages'; only words of five or more ASCII letters outside tags are replaced, each by a word of a
 * seeded made-up lexicon chosen by the word and the copy, so short function words stay and a page reads as
 * its language to the language identifier.
 *
 * <p>Thread-safe: static methods; each call writes its own stream.
 */
public final class BenchCrawl {
  private static final Instant START = Instant.parse("2024-05-22T08:00:00Z");
  private static final SyntheticText LEXICON = new SyntheticText(29);

  private BenchCrawl() {}

  /**
   * Writes archive file {@code file} to {@code out}: gzip-compressed response records of varied copies of
   * {@code pages} until at least {@code targetBytes} compressed bytes are written. Returns the records written.
   */
  public static long write(OutputStream out, List<byte[]> pages, int file, long targetBytes) throws IOException {
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("no pages to copy");
    }
    long written = 0;
    long records = 0;
    while (written < targetBytes) {
      long copy = ((long) file << 32) + records;
      byte[] page = vary(pages.get((int) (records % pages.size())), copy);
      String url = "https://site-" + (copy % 997) + ".bench.example/" + file + "/page-" + records + ".html";
      String id = "urn:uuid:" + UUID.nameUUIDFromBytes(("corpus-bench-" + copy).getBytes(StandardCharsets.UTF_8));
      byte[] member = WarcBytes.gzip(WarcBytes.record("response", id, START.plusSeconds(records), url,
          "application/http; msgtype=response", WarcBytes.httpResponse(200, "text/html", page)));
      out.write(member);
      written += member.length;
      records++;
    }
    return records;
  }

  /** The page with each ASCII word of five or more letters outside tags replaced, as copy {@code copy} has it. */
  static byte[] vary(byte[] page, long copy) {
    // Latin-1 maps bytes to chars one to one, so bytes of other encodings pass through untouched.
    String html = new String(page, StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder(html.length() + 64);
    boolean inTag = false;
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<') {
        inTag = true;
      } else if (c == '>') {
        inTag = false;
      }
      if (inTag || !isAsciiLetter(c)) {
        out.append(c);
        i++;
        continue;
      }
      int end = i;
      while (end < html.length() && isAsciiLetter(html.charAt(end))) {
        end++;
      }
      String word = html.substring(i, end);
      out.append(word.length() < 5 ? word : replacement(word, copy));
      i = end;
    }
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String replacement(String word, long copy) {
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    String chosen = LEXICON.word(new SplittableRandom(lower.hashCode() * 0x9E3779B97F4A7C15L ^ copy));
    return Character.isUpperCase(word.charAt(0))
        ? Character.toUpperCase(chosen.charAt(0)) + chosen.substring(1) : chosen;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}

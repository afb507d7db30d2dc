package org.corpuskit.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Broken archives made from one valid one, each with what a reader must make of it: which records are intact
 * (their bytes untouched and nothing before them that could swallow them) and which one was damaged. The valid
 * archive has ten records (eight HTML responses, a request and a metadata record), gzip per record or plain.
 * The damage: truncations at many byte positions, bit flips in gzip data and in WARC and HTTP headers, wrong
 * Content-Length values, absurd header sizes, and payloads built to hurt: a gzip bomb, invalid and mislabelled
 * text, HTML nested 100,000 deep, a 5 MB line, and, when asked, a 200 MB record. Used by the tests to prove that
 * a run accounts for every record, and by {@code corpus sample DIR --bad-inputs} for users who want to try a
 * deployment on them. Deterministic: the same files every time. Thread-safe (no state).
 */
public final class BadInputCorpus {
  /** Records in the valid archive. */
  public static final int RECORDS = 10;
  /** The file listing every case, one JSON object a line. */
  public static final String CASES = "cases.jsonl";
  private static final Instant DATE = Instant.parse("2024-05-22T08:00:00Z");
  private static final SyntheticText TEXT = new SyntheticText(26);

  private BadInputCorpus() {}

  /**
   * One broken file.
   *
   * @param file its name in the corpus directory
   * @param kind what was done to it
   * @param intact the WARC-Record-IDs a reader must read (as pages or skipped records), in file order
   * @param damaged the record that was damaged, or empty when the damage is a cut between records
   * @param mustFail whether reading it must report a failure (a payload built to hurt is a page, not a failure)
   */
  public record Case(String file, String kind, List<String> intact, String damaged, boolean mustFail) {
    public Case {
      intact = List.copyOf(intact);
    }
  }

  /** The records of the valid archive, each on its own, in order. */
  static List<byte[]> records() {
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      if (i == 3) {
        records.add(WarcBytes.record("request", id(i), DATE.plusSeconds(i), url(i), "application/http; "
            + "msgtype=request", WarcBytes.utf8("GET /page-" + i + " HTTP/1.1\r\nHost: bad-inputs.example\r\n\r\n")));
      } else if (i == 7) {
        records.add(WarcBytes.record("metadata", id(i), DATE.plusSeconds(i), url(i), "application/warc-fields",
            WarcBytes.utf8("fetchTimeMs: 120\r\n")));
      } else {
        records.add(page(i, WarcBytes.httpResponse(200, "text/html; charset=UTF-8", WarcBytes.utf8(html(i)))));
      }
    }
    return records;
  }

  public static String id(int i) {
    return "urn:uuid:0badf11e-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", i);
  }

  private static String url(int i) {
    return "https://bad-inputs.example/page-" + i + ".html";
  }

  private static byte[] page(int i, byte[] http) {
    return WarcBytes.record("response", id(i), DATE.plusSeconds(i), url(i), "application/http; msgtype=response",
        http);
  }

  /** The HTML of page {@code i} of the valid archive. */
  public static String html(int i) {
    return "<html><head><title>Page " + i + "</title></head><body><article><p>" + TEXT.document(i, 1500)
        + "</p></article></body></html>";
  }

  /** Writes every case into {@code dir} with {@value #CASES}; {@code large} adds the 200 MB record. */
  public static List<Case> write(Path dir, boolean large) throws IOException {
    Files.createDirectories(dir);
    List<Case> cases = new ArrayList<>();
    List<byte[]> plain = records();
    List<byte[]> gz = plain.stream().map(WarcBytes::gzip).toList();
    truncations(dir, cases, gz, plain);
    gzipFlips(dir, cases, gz);
    headerDamage(dir, cases, plain);
    lengths(dir, cases, plain);
    absurdSizes(dir, cases, plain);
    payloads(dir, cases, plain, large);
    StringBuilder listing = new StringBuilder();
    for (Case c : cases) {
      listing.append("{\"file\":\"").append(c.file()).append("\",\"kind\":\"").append(c.kind())
          .append("\",\"intact\":").append(c.intact().size()).append(",\"damaged\":\"").append(c.damaged())
          .append("\",\"must_fail\":").append(c.mustFail()).append("}\n");
    }
    Files.writeString(dir.resolve(CASES), listing.toString());
    return List.copyOf(cases);
  }

  private static void truncations(Path dir, List<Case> cases, List<byte[]> gz, List<byte[]> plain)
      throws IOException {
    for (boolean compressed : new boolean[] {true, false}) {
      List<byte[]> parts = compressed ? gz : plain;
      byte[] whole = concat(parts);
      long start = 0;
      for (int r = 0; r < RECORDS; r++) {
        int length = parts.get(r).length;
        // Cut one byte in, halfway and one byte short of the record's end (the gzip files at every record;
        // the plain ones at every other, where framing alone must tell).
        for (int at : compressed || r % 2 == 0 ? new int[] {1, length / 2, length - 1} : new int[] {length / 2}) {
          String name = String.format(Locale.ROOT, "truncated-%s-record%d-at%d.%s", compressed ? "gz" : "plain", r,
              start + at, compressed ? "warc.gz" : "warc");
          Files.write(dir.resolve(name), Arrays.copyOf(whole, (int) (start + at)));
          // A plain record cut inside the blank lines after its block has lost nothing: it is read whole.
          boolean whole4 = !compressed && at >= length - 4;
          cases.add(new Case(name, "truncated", ids(0, whole4 ? r + 1 : r), id(r), !whole4));
        }
        start += length;
      }
    }
  }

  private static void gzipFlips(Path dir, List<Case> cases, List<byte[]> gz) throws IOException {
    for (int r = 0; r < RECORDS; r++) {
      byte[] member = gz.get(r);
      // Inside the deflate data (after the 10-byte header, before the 8-byte trailer), at a third and two.
      for (int part : new int[] {1, 2}) {
        int at = 10 + (member.length - 18) * part / 3;
        cases.add(flipped(dir, gz, r, at, 0x10, "bit-flip-deflate"));
      }
    }
    for (int r : new int[] {2, 5}) {
      cases.add(flipped(dir, gz, r, 0, 0x01, "bit-flip-gzip-magic"));
      cases.add(flipped(dir, gz, r, gz.get(r).length - 6, 0x80, "bit-flip-gzip-crc"));
    }
  }

  private static Case flipped(Path dir, List<byte[]> gz, int r, int at, int mask, String kind) throws IOException {
    List<byte[]> parts = new ArrayList<>(gz);
    byte[] member = parts.get(r).clone();
    member[at] ^= (byte) mask;
    parts.set(r, member);
    String name = String.format(Locale.ROOT, "%s-record%d-byte%d.warc.gz", kind, r, at);
    Files.write(dir.resolve(name), concat(parts));
    return new Case(name, kind, othersThan(r), id(r), true);
  }

  private static void headerDamage(Path dir, List<Case> cases, List<byte[]> plain) throws IOException {
    int r = 4;
    String record = new String(plain.get(r), StandardCharsets.ISO_8859_1);
    // The fourth column: whether the record must fail. A reader is lenient where the framing still holds, as
    // with a version it does not know or a header line without its colon (the page keeps an id from its URL and
    // date), and an HTTP header that is only wrong about the body's encoding.
    String[][] edits = {
        {"WARC/1.0\r\n", "WARC/1.O\r\n", "warc-version", "false"},
        {"WARC/1.0\r\n", "WXRC/1.0\r\n", "warc-magic", "true"},
        {"Content-Length: ", "Content-Lenght: ", "warc-length-name", "true"},
        {"WARC-Record-ID: <", "WARC-Record-ID <", "warc-header-colon", "false"},
        {"Content-Length: ", "Content-Length: x", "warc-length-digits", "true"},
        {"HTTP/1.1 200 OK\r\n", "HTTP/1.1 2O0 OK\r\n", "http-status-digits", "true"},
        {"HTTP/1.1 200 OK\r\n", "HXTP/1.1 200 OK\r\n", "http-version", "true"},
        {"HTTP/1.1 200 OK\r\n", "", "http-no-status-line", "true"},
        {"Content-Type: text/html", "Content-Type text/html", "http-header-colon", "false"},
        {"Content-Type: text/html; charset=UTF-8\r\n", "Content-Type: text/html; charset=UTF-8\r\n"
            + "Content-Encoding: gzip\r\n", "http-gzip-claimed", "false"},
        {"Content-Type: text/html; charset=UTF-8\r\n", "Content-Type: text/html; charset=UTF-8\r\n"
            + "Transfer-Encoding: chunked\r\n", "http-chunked-claimed", "false"},
    };
    for (String[] edit : edits) {
      // The WARC block's length is kept right after an HTTP edit, so that only the HTTP message is damaged.
      String damaged = record.replaceFirst(java.util.regex.Pattern.quote(edit[0]),
          java.util.regex.Matcher.quoteReplacement(edit[1]));
      if (edit[2].startsWith("http-")) {
        damaged = withBlockLength(damaged);
      }
      byte[] bytes = damaged.getBytes(StandardCharsets.ISO_8859_1);
      boolean mustFail = Boolean.parseBoolean(edit[3]);
      for (boolean compressed : new boolean[] {true, false}) {
        cases.add(replaced(dir, plain, r, bytes, compressed, "header-" + edit[2], mustFail));
      }
    }
    // Single bits flipped in the WARC header of record 4, gzipped after (a flip the CRC would catch is the
    // other family), at a few places of its header lines.
    int headerEnd = record.indexOf("\r\n\r\n");
    for (int k = 1; k <= 6; k++) {
      byte[] bytes = plain.get(r).clone();
      int at = headerEnd * k / 7;
      bytes[at] ^= 0x04;
      cases.add(replaced(dir, plain, r, bytes, true, "header-bit-flip-at" + at, false));
    }
  }

  private static String withBlockLength(String record) {
    int head = record.indexOf("\r\n\r\n");
    String block = record.substring(head + 4, record.length() - 4);
    return record.substring(0, head + 4).replaceFirst("Content-Length: \\d+\r\n\r\n$",
        "Content-Length: " + block.length() + "\r\n\r\n") + block + "\r\n\r\n";
  }

  private static Case replaced(Path dir, List<byte[]> plain, int r, byte[] record, boolean compressed, String kind,
      boolean mustFail) throws IOException {
    List<byte[]> parts = new ArrayList<>(plain);
    parts.set(r, record);
    String name = kind + (compressed ? ".warc.gz" : ".warc");
    Files.write(dir.resolve(name), concat(compressed ? parts.stream().map(WarcBytes::gzip).toList() : parts));
    return new Case(name, kind, othersThan(r), id(r), mustFail);
  }

  private static void lengths(Path dir, List<Case> cases, List<byte[]> plain) throws IOException {
    int r = 5;
    String record = new String(plain.get(r), StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\r\nContent-Length: (\\d+)\r\n\r\n").matcher(record);
    if (!m.find()) {
      throw new IllegalStateException("the record has a Content-Length");
    }
    long length = Long.parseLong(m.group(1));
    long[] claims = {length - 1, length - 10, length - 100, length / 2, length + 1, length + 10, length + 100,
        length * 10, 99_999_999_999L};
    for (long claim : claims) {
      byte[] bytes = (record.substring(0, m.start(1)) + claim + record.substring(m.end(1)))
          .getBytes(StandardCharsets.ISO_8859_1);
      String kind = "length-" + (claim < length ? "short" : "long") + "-" + Math.abs(claim - length);
      // One byte too long takes in the first of the blank lines after the block, which a reader may allow.
      for (boolean compressed : new boolean[] {true, false}) {
        cases.add(replaced(dir, plain, r, bytes, compressed, kind, claim != length + 1));
      }
    }
  }

  private static void absurdSizes(Path dir, List<Case> cases, List<byte[]> plain) throws IOException {
    int r = 6;
    String record = new String(plain.get(r), StandardCharsets.ISO_8859_1);
    String longValue = "x".repeat(100_000);
    String manyLines = "X-Filler: 0123456789abcdef0123456789abcdef\r\n".repeat(25_000);
    String[][] edits = {
        {"WARC-Date: ", "WARC-Filler: " + longValue + "\r\nWARC-Date: ", "warc-header-line-100kb", "true"},
        {"WARC-Date: ", manyLines + "WARC-Date: ", "warc-header-1mb", "true"},
        {"HTTP/1.1 200 OK\r\n", "HTTP/1.1 200 OK\r\nX-Filler: " + longValue + "\r\n", "http-header-line-100kb", "true"},
        {"HTTP/1.1 200 OK\r\n", "HTTP/1.1 200 OK\r\n" + manyLines, "http-header-1mb", "true"},
        {"Content-Length: ", "Content-Length: 99999999999999999999999", "warc-length-overflow", "true"},
        {"Content-Length: ", "Content-Length: -", "warc-length-negative", "true"},
    };
    for (String[] edit : edits) {
      String damaged = record.replaceFirst(java.util.regex.Pattern.quote(edit[0]),
          java.util.regex.Matcher.quoteReplacement(edit[1]));
      if (edit[2].startsWith("http-")) {
        damaged = withBlockLength(damaged);
      }
      cases.add(replaced(dir, plain, r, damaged.getBytes(StandardCharsets.ISO_8859_1), true, "absurd-" + edit[2],
          Boolean.parseBoolean(edit[3])));
    }
  }

  private static void payloads(Path dir, List<Case> cases, List<byte[]> plain, boolean large) throws IOException {
    int r = 8;
    String text = html(r);
    String body = text.substring(text.indexOf("<body>"));
    List<Object[]> bodies = new ArrayList<>();
    bodies.add(new Object[] {"gzip-bomb", bomb(true), "text/html; charset=UTF-8", "Content-Encoding: gzip"});
    bodies.add(new Object[] {"deflate-bomb", bomb(false), "text/html; charset=UTF-8", "Content-Encoding: deflate"});
    byte[] invalid = WarcBytes.utf8(text.replace("<p>", "<p>\u00e9t\u00e9 "));
    invalid[text.indexOf("<p>") + 3] = (byte) 0xff;
    bodies.add(new Object[] {"invalid-utf8", invalid, "text/html; charset=UTF-8", null});
    String accents = text.replace("<p>", "<p>Cr\u00e8me br\u00fbl\u00e9e, na\u00efve fa\u00e7ade. ");
    bodies.add(new Object[] {"latin1-labelled-utf8", accents.getBytes(StandardCharsets.ISO_8859_1),
        "text/html; charset=UTF-8", null});
    bodies.add(new Object[] {"utf8-labelled-latin1", WarcBytes.utf8(accents), "text/html; charset=ISO-8859-1", null});
    bodies.add(new Object[] {"shift-jis-labelled-utf8", ("<html><body><p>" + "\u99c5\u524d\u901a\u308a\u306e\u30d1"
        + "\u30f3\u5c4b\u304c\u6751\u306e\u5e83\u5834\u3067\u8a9e\u5b66\u8b1b\u5ea7\u3092\u59cb\u3081\u307e\u3057"
        + "\u305f\u3002".repeat(3) + "</p></body></html>").getBytes(Charset.forName("Shift_JIS")),
        "text/html; charset=UTF-8", null});
    bodies.add(new Object[] {"utf16-without-bom", text.getBytes(StandardCharsets.UTF_16LE), "text/html", null});
    bodies.add(new Object[] {"unknown-charset", WarcBytes.utf8(text), "text/html; charset=x-no-such-charset", null});
    bodies.add(new Object[] {"nested-100000-deep", WarcBytes.utf8("<html><body>" + "<div>".repeat(100_000)
        + body + "</div>".repeat(100_000) + "</html>"), "text/html; charset=UTF-8", null});
    bodies.add(new Object[] {"line-5mb", WarcBytes.utf8("<html><body><p>" + "Lorem ipsum dolor sit amet ".repeat(
        200_000) + "</p></body></html>"), "text/html; charset=UTF-8", null});
    bodies.add(new Object[] {"binary-labelled-html", binary(200_000), "text/html", null});
    for (Object[] b : bodies) {
      String[] headers = b[3] == null ? new String[0] : new String[] {(String) b[3]};
      byte[] record = page(r, WarcBytes.httpResponse(200, (String) b[2], (byte[]) b[1], headers));
      cases.add(replaced(dir, plain, r, record, true, "payload-" + b[0], false));
    }
    if (large) {
      // 200 MB of HTML in one record, streamed to the file: the reader must cut it at its payload limit.
      String name = "payload-200mb-record.warc";
      try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
        for (int i = 0; i < r; i++) {
          out.write(plain.get(i));
        }
        long size = 200L << 20;
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + size + "\r\n\r\n";
        String warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <" + id(r) + ">\r\nWARC-Date: "
            + DATE.plusSeconds(r) + "\r\nWARC-Target-URI: " + url(r) + "\r\nContent-Type: application/http; "
            + "msgtype=response\r\nContent-Length: " + (head.length() + size) + "\r\n\r\n";
        out.write((warc + head).getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = WarcBytes.utf8("<p>" + "x".repeat(1017) + "</p>\n");
        for (long written = 0; written < size; written += chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
        }
        out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(plain.get(r + 1));
      }
      cases.add(new Case(name, "payload-200mb", othersThan(r), id(r), false));
    }
  }

  /** A gzip or deflate stream of 1 GiB of zeros: about a megabyte on disk. */
  private static byte[] bomb(boolean gzip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    try (OutputStream z = gzip ? new GZIPOutputStream(out, 1 << 16)
        : new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
      for (int i = 0; i < 1024; i++) {
        z.write(zeros);
      }
    }
    return out.toByteArray();
  }

  private static byte[] binary(int size) {
    byte[] bytes = new byte[size];
    new java.util.Random(7).nextBytes(bytes);
    return bytes;
  }

  private static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ids.add(id(i));
    }
    return ids;
  }

  private static List<String> othersThan(int r) {
    List<String> ids = ids(0, RECORDS);
    ids.remove(id(r));
    return ids;
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }
}

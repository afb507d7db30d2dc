package org.corpuskit.decontaminate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * Reads the test items of one benchmark from its files: JSON lines, JSON, CSV, TSV and plain text, compressed
 * (gzip, bzip2, xz, zstd, known by their first bytes) or not, in UTF-8. Each file takes the first of the
 * benchmark's layouts its first record fits, and every record after must fit it too. Anything it cannot read is
 * a {@link BenchmarkException} naming the file, the line (or record) and the field: a broken JSON line, a
 * missing field, an empty file, bytes that are not UTF-8, a zip archive, a preset that has no layout for the
 * file's records.
 *
 * <p>A record gives one item, or one per variant of its layout's {@code [each]} field (the answer aliases of
 * TriviaQA), all with the record's id.
 *
 * <p>Not thread-safe; cheap to make. Files are read a line at a time, except a whole-file JSON document.
 */
public final class BenchmarkReader {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final BenchmarkSpec spec;

  public BenchmarkReader(BenchmarkSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
    this.spec = spec;
  }

  /**
   * The items of one file, in order.
   *
   * @param file the file's name as errors and item ids show it
   * @param format its format (from the spec, or its name)
   * @param in its bytes, compressed or not; not closed here
   */
  public List<BenchmarkItem> read(String file, BenchmarkFormat format, InputStream in) throws IOException {
    Lines lines = new Lines(spec.name(), file, decompressed(file, in), spec.fallbackEncoding());
    List<BenchmarkItem> items = switch (format) {
      case JSONL -> jsonLines(file, lines);
      case JSON -> json(file, lines);
      case CSV -> delimited(file, lines, (char) 0);
      case TSV -> delimited(file, lines, '\t');
      case TEXT -> text(file, lines);
      case PARQUET -> throw new IllegalArgumentException("Parquet is read by Spark: use records(file)");
    };
    if (lines.empty()) {
      throw new BenchmarkException(spec.name(), file, "", "is empty");
    }
    if (items.isEmpty()) {
      throw new BenchmarkException(spec.name(), file, "", "has no records (only blank lines)");
    }
    return items;
  }

  /** The items of records read elsewhere, such as Parquet rows, a record at a time. */
  public Records records(String file) {
    return new Records(file, recordLayouts());
  }

  /** Turns the records of one file into items, choosing the layout at the first. */
  public final class Records {
    private final String file;
    private final List<Layout> layouts;
    private Layout layout;

    private Records(String file, List<Layout> layouts) {
      this.file = file;
      this.layouts = layouts;
    }

    /** The items of {@code record}, found at {@code where} (such as {@code row 7}) of the file. */
    public List<BenchmarkItem> items(JsonNode record, String where) {
      if (layout == null) {
        layout = choose(record, where);
      }
      List<String> missing = layout.missing(record);
      if (!missing.isEmpty()) {
        throw new BenchmarkException(spec.name(), file, where, "no value for " + quoted(missing) + " (it has "
            + keys(record) + ")");
      }
      List<BenchmarkItem> items = new ArrayList<>();
      for (String text : layout.texts(record)) {
        items.add(new BenchmarkItem(spec.name(), file + " " + where, text));
      }
      return items;
    }

    private Layout choose(JsonNode record, String where) {
      for (Layout candidate : layouts) {
        if (candidate.missing(record).isEmpty()) {
          return candidate;
        }
      }
      String wanted = layouts.size() == 1 ? quoted(layouts.get(0).fields())
          : "the fields of one of preset " + spec.preset() + "'s layouts (" + fieldsOf(layouts) + ")";
      throw new BenchmarkException(spec.name(), file, where, "no value for " + wanted + " (it has " + keys(record)
          + ")");
    }
  }

  private List<BenchmarkItem> jsonLines(String file, Lines lines) throws IOException {
    Records records = records(file);
    List<BenchmarkItem> items = new ArrayList<>();
    for (String line = lines.next(); line != null; line = lines.next()) {
      if (!line.isBlank()) {
        items.addAll(records.items(parse(file, lines.where(), line), lines.where()));
      }
    }
    return items;
  }

  /** A whole-file JSON document, or JSON lines in a .json file (a common way to publish them). */
  private List<BenchmarkItem> json(String file, Lines lines) throws IOException {
    List<String> all = new ArrayList<>();
    for (String line = lines.next(); line != null; line = lines.next()) {
      all.add(line);
    }
    JsonNode document;
    try {
      document = JSON.readTree(String.join("\n", all));
    } catch (MismatchedInputException e) {
      if (!e.getMessage().startsWith("Trailing token")) {
        throw notJson(file, e);
      }
      return jsonLines(file, new Lines(spec.name(), file, all));
    } catch (JsonProcessingException e) {
      throw notJson(file, e);
    }
    if (document == null || document.isMissingNode()) {
      return List.of();
    }
    for (Layout layout : spec.layouts()) {
      List<JsonNode> found = layout.recordsOf(document);
      if (!found.isEmpty() && layout.missing(found.get(0)).isEmpty()) {
        Records records = new Records(file, List.of(layout));
        List<BenchmarkItem> items = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
          items.addAll(records.items(found.get(i), "record " + (i + 1)));
        }
        return items;
      }
    }
    List<JsonNode> top = spec.layouts().get(0).recordsOf(document);
    return records(file).items(top.isEmpty() ? document : top.get(0), "record 1");
  }

  private BenchmarkException notJson(String file, JsonProcessingException e) {
    return new BenchmarkException(spec.name(), file, "line " + e.getLocation().getLineNr(), "not JSON: "
        + jacksonProblem(e));
  }

  private List<BenchmarkItem> delimited(String file, Lines lines, char delimiter) throws IOException {
    CsvRows rows = new CsvRows(lines, delimiter);
    List<String> first = rows.next();
    if (first == null) {
      return List.of();
    }
    Layout layout = csvLayout(file, first, lines.where());
    List<String> header = layout.positional() ? null : first;
    Records records = new Records(file, List.of(layout));
    List<BenchmarkItem> items = new ArrayList<>();
    for (List<String> row = header == null ? first : rows.next(); row != null; row = rows.next()) {
      String where = rows.where();
      if (header != null && row.size() != header.size()) {
        throw new BenchmarkException(spec.name(), file, where, row.size() + " columns where the header has "
            + header.size() + " (a quote not closed?)");
      }
      ObjectNode record = JSON.createObjectNode();
      for (int i = 0; i < row.size(); i++) {
        record.put(header == null ? String.valueOf(i) : header.get(i), row.get(i));
      }
      items.addAll(records.items(record, where));
    }
    return items;
  }

  /** The layout a CSV file's first row fits: positional when it has enough columns, named when it is a header. */
  private Layout csvLayout(String file, List<String> first, String where) {
    for (Layout layout : recordLayouts()) {
      boolean fits = layout.positional() ? layout.columns() <= first.size()
          : layout.columnNames().stream().allMatch(first::contains);
      if (fits) {
        return layout;
      }
    }
    throw new BenchmarkException(spec.name(), file, where, "the header " + first + " has no column "
        + quoted(spec.layouts().get(0).fields()) + "; for a file without a header, give column positions "
        + "(fields=0+1)");
  }

  private List<BenchmarkItem> text(String file, Lines lines) throws IOException {
    if (!spec.fields().isEmpty()) {
      throw new BenchmarkException(spec.name(), file, "", "plain text has no fields: each line is an item");
    }
    if (!spec.preset().isEmpty()) {
      Layout grouped = spec.layouts().stream().filter(l -> l.shape().lines() > 1).findFirst()
          .orElseThrow(() -> new BenchmarkException(spec.name(), file, "", "is plain text, and preset "
              + spec.preset() + " reads records with fields (" + fieldsOf(spec.layouts()) + "); give the file in "
              + "one of those layouts, or no preset to take each line as an item"));
      return groups(file, lines, grouped);
    }
    List<BenchmarkItem> items = new ArrayList<>();
    for (String line = lines.next(); line != null; line = lines.next()) {
      if (!line.isBlank()) {
        items.add(new BenchmarkItem(spec.name(), file + " " + lines.where(), line.strip()));
      }
    }
    return items;
  }

  /** A text file whose records are groups of lines, such as llama.cpp's HellaSwag: blank lines are kept. */
  private List<BenchmarkItem> groups(String file, Lines lines, Layout layout) throws IOException {
    Records records = new Records(file, List.of(layout));
    List<BenchmarkItem> items = new ArrayList<>();
    int size = layout.shape().lines();
    while (true) {
      ObjectNode record = JSON.createObjectNode();
      String start = null;
      for (int i = 0; i < size; i++) {
        String line = lines.next();
        if (line == null) {
          if (i > 0) {
            throw new BenchmarkException(spec.name(), file, start, "a record of " + size + " lines ends after "
                + i + " (preset " + spec.preset() + " reads " + size + " lines a record)");
          }
          return items;
        }
        start = start == null ? lines.where() : start;
        record.put(String.valueOf(i), line);
      }
      items.addAll(records.items(record, start));
    }
  }

  private static String fieldsOf(List<Layout> layouts) {
    return String.join("; ", layouts.stream().map(l -> String.join(" + ", l.fields())).toList());
  }

  /** The layouts that apply to files of records (all but those for whole-file JSON documents or lines). */
  private List<Layout> recordLayouts() {
    return spec.layouts().stream().filter(l -> l.records().isEmpty() && l.shape().lines() == 1).toList();
  }

  private JsonNode parse(String file, String where, String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BenchmarkException(spec.name(), file, where, "not JSON: " + jacksonProblem(e));
    }
  }

  /** Jackson's message without its note that it leaves the source out. */
  private static String jacksonProblem(JsonProcessingException e) {
    return e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
  }

  /**
   * The stream decompressed (gzip, bzip2, xz or zstd, known by its first bytes, whatever the file is named),
   * after checking its first bytes are neither an archive nor UTF-16.
   */
  private InputStream decompressed(String file, InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    String codec;
    try {
      codec = CompressorStreamFactory.detect(in);
    } catch (CompressorException e) {
      codec = null;
    }
    if (codec != null) {
      try {
        in = new BufferedInputStream(new Decompressed(file, codec,
            new CompressorStreamFactory(true).createCompressorInputStream(codec, in)));
      } catch (CompressorException e) {
        throw new BenchmarkException(spec.name(), file, "", "is " + codec + "-compressed but does not decompress ("
            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + "): truncated or corrupt?");
      } catch (LinkageError e) {
        throw new BenchmarkException(spec.name(), file, "", "is " + codec + "-compressed and cannot be "
            + "decompressed here (" + e.getMessage() + "); decompress it, or compress it with gzip");
      }
    }
    String other = otherFormat(peek(in));
    if (other != null) {
      throw new BenchmarkException(spec.name(), file, "", other);
    }
    return in;
  }

  /** A decompressing stream whose failures (a truncated or corrupt file) name the file and the codec. */
  private final class Decompressed extends FilterInputStream {
    private final String file;
    private final String codec;

    Decompressed(String file, String codec, InputStream in) {
      super(in);
      this.file = file;
      this.codec = codec;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw broken(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw broken(e);
      }
    }

    private BenchmarkException broken(IOException e) {
      return new BenchmarkException(spec.name(), file, "", "is " + codec + "-compressed but does not decompress ("
          + e.getMessage() + "): truncated or corrupt?");
    }
  }

  private static byte[] peek(BufferedInputStream in) throws IOException {
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    return head;
  }

  private static String otherFormat(byte[] head) {
    String hex = java.util.HexFormat.of().formatHex(head);
    if (hex.startsWith("feff") || hex.startsWith("fffe")) {
      return "is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8";
    }
    if (hex.startsWith("504b0304")) {
      return "is a zip archive; unpack it and give the folder";
    }
    if (hex.startsWith("50415231")) {
      return "is Parquet; name it .parquet or give format=parquet";
    }
    return null;
  }

  private static String quoted(List<String> fields) {
    return fields.isEmpty() ? "any text" : "'" + String.join("', '", fields) + "'";
  }

  private static String keys(JsonNode record) {
    if (!record.isObject()) {
      return "no fields: it is " + record.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
    List<String> keys = new ArrayList<>();
    record.fieldNames().forEachRemaining(keys::add);
    return keys.isEmpty() ? "no fields" : String.join(", ", keys);
  }

  /**
   * A file's lines, each decoded as strict UTF-8 (a UTF-8 byte-order mark at the start is dropped), so that a
   * wrong encoding is reported at its line rather than read as replacement characters; with a fallback
   * encoding, a line that is not UTF-8 is read in that instead.
   */
  static final class Lines {
    private final String benchmark;
    private final String file;
    private final InputStream in;
    private final Iterator<String> given;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final Charset fallback;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int number;
    private boolean sawBytes;

    Lines(String benchmark, String file, InputStream in, String fallback) {
      this.benchmark = benchmark;
      this.file = file;
      this.fallback = fallback.isEmpty() ? null : Charset.forName(fallback);
      this.in = in;
      this.given = null;
    }

    /** Lines already decoded, read again. */
    Lines(String benchmark, String file, List<String> lines) {
      this.benchmark = benchmark;
      this.file = file;
      this.fallback = null;
      this.in = null;
      this.given = lines.iterator();
      this.sawBytes = true;
    }

    /** The next line without its line break, or null at the end. */
    String next() throws IOException {
      if (given != null) {
        if (!given.hasNext()) {
          return null;
        }
        number++;
        return given.next();
      }
      line.reset();
      int b = in.read();
      if (b < 0) {
        return null;
      }
      sawBytes = true;
      while (b >= 0 && b != '\n') {
        line.write(b);
        b = in.read();
      }
      number++;
      byte[] bytes = line.toByteArray();
      int from = number == 1 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
          && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
      int to = bytes.length > from && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
      return decode(bytes, from, to);
    }

    /** Where the last line read is: {@code line N}. */
    String where() {
      return "line " + number;
    }

    boolean empty() {
      return !sawBytes;
    }

    BenchmarkException error(String where, String problem) {
      return new BenchmarkException(benchmark, file, where, problem);
    }

    private String decode(byte[] bytes, int from, int to) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, from, to - from);
      try {
        CharBuffer chars = decoder.reset().decode(buffer);
        return chars.toString();
      } catch (CharacterCodingException e) {
        if (fallback != null) {
          return new String(bytes, from, to - from, fallback);
        }
        int at = buffer.position();
        throw error(where(), "not UTF-8: byte 0x"
            + String.format("%02x", bytes[at] & 0xff) + " at column " + (at - from + 1)
            + "; convert the file to UTF-8, or give encoding= for such lines");
      }
    }
  }
}

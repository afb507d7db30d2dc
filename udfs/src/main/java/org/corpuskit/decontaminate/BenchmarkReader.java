package org.corpuskit.decontaminate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

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
    Lines lines = new Lines(spec.name(), file, Decompression.open(spec.name(), file, in), spec.fallbackEncoding());
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
      String wanted = layouts.size() == 1 ? quoted(layouts.get(0).missing(record))
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
    return String.join("; ", layouts.stream().map(l -> String.join(" + ", l.fields())).distinct().toList());
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
}

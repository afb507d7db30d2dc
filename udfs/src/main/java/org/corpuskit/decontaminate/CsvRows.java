package org.corpuskit.decontaminate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV (or TSV) file as RFC 4180 reads them: a field in double quotes may hold the delimiter, line
 * breaks and doubled quotes. Not thread-safe.
 */
final class CsvRows {
  /** What {@code ,}-separated files use instead, in practice: some of MMLU-Redux's files are {@code ;}-separated. */
  private static final String CANDIDATES = ",;\t";

  private final Lines lines;
  private char delimiter;
  private String where = "";

  /**
   * @param delimiter the field separator, or 0 to take whichever of {@code , ; tab} the first row holds most
   *     of outside quotes (a comma when it holds none)
   */
  CsvRows(Lines lines, char delimiter) {
    this.lines = lines;
    this.delimiter = delimiter;
  }

  /** The next row's fields, or null at the end; blank lines between rows are skipped. */
  List<String> next() throws IOException {
    String line = lines.next();
    while (line != null && line.isBlank()) {
      line = lines.next();
    }
    if (line == null) {
      return null;
    }
    where = lines.where();
    if (delimiter == 0) {
      delimiter = sniff(line);
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (true) {
      if (i == line.length()) {
        if (!quoted) {
          break;
        }
        line = lines.next();
        if (line == null) {
          throw lines.error(where, "a quoted field is not closed before the end of the file");
        }
        field.append('\n');
        i = 0;
        continue;
      }
      char c = line.charAt(i++);
      if (quoted) {
        if (c != '"') {
          field.append(c);
        } else if (i < line.length() && line.charAt(i) == '"') {
          field.append('"');
          i++;
        } else {
          quoted = false;
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static char sniff(String firstLine) {
    int[] counts = new int[CANDIDATES.length()];
    boolean quoted = false;
    for (int i = 0; i < firstLine.length(); i++) {
      char c = firstLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && CANDIDATES.indexOf(c) >= 0) {
        counts[CANDIDATES.indexOf(c)]++;
      }
    }
    int best = 0;
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] > counts[best]) {
        best = i;
      }
    }
    return CANDIDATES.charAt(best);
  }

  /** Where the last row read starts: {@code line N}. */
  String where() {
    return where;
  }
}

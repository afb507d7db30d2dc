package org.corpuskit.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.jobs.pipeline.Datasets;
import org.corpuskit.jobs.pipeline.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code corpus export}: any dataset of a run as JSON lines or CSV, for tools that read no Parquet. Rows are
 * streamed a partition at a time, so the memory it takes does not grow with the dataset.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Writes a dataset of a run (such as OUT/filter/rejected) as JSON lines or CSV, to a file or to "
        + "standard output; in CSV, nested columns (signals, lists) are JSON text.")
final class ExportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DATASET", description = "A dataset folder, such as out/filter/documents.")
  String dataset;

  @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv",
      description = "jsonl (one JSON object a line) or csv (RFC 4180, with a header); default ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--columns", split = ",", paramLabel = "NAME",
      description = "Columns to write, comma-separated; default all.")
  List<String> columns = new ArrayList<>();

  @Option(names = "--where", paramLabel = "SQL", description = "Rows to keep, as a Spark SQL condition, such as "
      + "\"reason = 'gopher_low_words'\" or \"signals.lang = 'de'\".")
  String where;

  @Option(names = "--limit", paramLabel = "N", description = "At most N rows.")
  Integer limit;

  @Option(names = "--out", paramLabel = "FILE", description = "File to write; default standard output.")
  Path out;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("jsonl") && !format.equals("csv")) {
      throw new UsageException("--format " + format + ": give jsonl or csv");
    }
    if (limit != null && limit < 0) {
      throw new UsageException("--limit " + limit + ": give a number of rows, 0 or more");
    }
    return PipelineLauncher.inSession(config.load(List.of()), spark -> {
      Dataset<Row> rows = select(spark);
      long written = 0;
      // A file is written beside its name and moved there when whole, so that a failed export leaves no file
      // that looks complete; its folders are made as needed.
      Path partial = out == null ? null : out.resolveSibling(out.getFileName() + ".partial");
      if (partial != null && partial.toAbsolutePath().getParent() != null) {
        Files.createDirectories(partial.toAbsolutePath().getParent());
      }
      Writer writer = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
          : Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
      try (BufferedWriter w = new BufferedWriter(writer)) {
        written = format.equals("csv") ? writeCsv(rows, w) : writeJson(rows, w);
      } catch (IOException | RuntimeException e) {
        if (partial != null) {
          Files.deleteIfExists(partial);
        }
        throw e;
      }
      if (out != null) {
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      System.err.printf("exported %,d %s of %s%s%n", written, written == 1 ? "row" : "rows", dataset,
          out == null ? "" : " to " + out);
      return 0;
    });
  }

  /** A dataset a user named, or one line saying there is none at that path. */
  static Dataset<Row> read(SparkSession spark, String dataset) {
    try {
      return Datasets.read(spark, dataset);
    } catch (Exception e) {
      throw new UsageException("no dataset at " + dataset + ": name a dataset folder of a run, such as "
          + "OUT/filter/documents (" + org.corpuskit.jobs.pipeline.Messages.describe(e) + ")");
    }
  }

  private Dataset<Row> select(SparkSession spark) {
    Dataset<Row> data = read(spark, dataset);
    List<String> known = List.of(data.columns());
    List<String> unknown = columns.stream().filter(c -> !known.contains(c)).toList();
    if (!unknown.isEmpty()) {
      throw new UsageException("--columns: " + String.join(", ", unknown) + " not in " + dataset + "; its columns: "
          + String.join(", ", known));
    }
    if (!columns.isEmpty()) {
      data = data.select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }
    if (where != null) {
      try {
        data = data.filter(where);
      } catch (Exception e) {
        throw new UsageException("--where " + where + ": " + org.corpuskit.jobs.pipeline.Messages.describe(e));
      }
    }
    return limit == null ? data : data.limit(limit);
  }

  private static long writeJson(Dataset<Row> rows, Writer out) throws IOException {
    long n = 0;
    for (Iterator<String> lines = rows.toJSON().toLocalIterator(); lines.hasNext(); n++) {
      out.write(lines.next());
      out.write('\n');
    }
    return n;
  }

  /** Nested columns become JSON text, since a CSV cell holds one value. */
  private static long writeCsv(Dataset<Row> rows, Writer out) throws IOException {
    StructType schema = rows.schema();
    List<Column> flat = new ArrayList<>();
    for (StructField field : schema.fields()) {
      boolean nested = field.dataType() instanceof StructType || field.dataType() instanceof ArrayType
          || field.dataType() instanceof MapType;
      flat.add(nested ? to_json(col(field.name())).as(field.name()) : col(field.name()).cast("string")
          .as(field.name()));
    }
    out.write(String.join(",", List.of(schema.fieldNames()).stream().map(ExportCommand::csvCell).toList()));
    out.write("\r\n");
    long n = 0;
    for (Iterator<Row> it = rows.select(flat.toArray(Column[]::new)).toLocalIterator(); it.hasNext(); n++) {
      Row row = it.next();
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        cells.add(row.isNullAt(i) ? "" : csvCell(row.getString(i)));
      }
      out.write(String.join(",", cells));
      out.write("\r\n");
    }
    return n;
  }

  /** A value as an RFC 4180 cell: quoted, its quotes doubled, when it holds a comma, quote or line break. */
  static String csvCell(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}

package org.corpuskit.jobs.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.unsafe.types.UTF8String;
import org.corpuskit.archive.ArchivePage;
import org.corpuskit.archive.ArchiveReader;
import org.corpuskit.archive.ReadEvent;
import org.corpuskit.archive.ReaderConfig;

/**
 * {@code spark.read.format("warc").load(paths)}: one row per record of WARC, WET and ARC files (schema
 * {@code warc_records}), one input partition per file, for notebook and SQL users. Paths are files, directories,
 * globs or path listings, as for {@code corpus extract}. Option {@code maxPayloadBytes} bounds the payload kept
 * per record (default 8 MiB).
 */
public final class WarcDataSource implements TableProvider, DataSourceRegister {
  @Override
  public String shortName() {
    return "warc";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return Schemas.WARC_RECORDS;
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new WarcTable();
  }

  private static final class WarcTable implements SupportsRead {
    @Override
    public String name() {
      return "warc";
    }

    @Override
    public StructType schema() {
      return Schemas.WARC_RECORDS;
    }

    @Override
    public Set<TableCapability> capabilities() {
      return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
      return new WarcScan(options);
    }
  }

  /** Prunes columns: a query that does not select {@code payload} never decodes one. */
  private static final class WarcScan implements ScanBuilder, SupportsPushDownRequiredColumns, Scan, Batch {
    private final CaseInsensitiveStringMap options;
    private StructType required = Schemas.WARC_RECORDS;

    WarcScan(CaseInsensitiveStringMap options) {
      this.options = options;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
      required = requiredSchema;
    }

    @Override
    public Scan build() {
      return this;
    }

    @Override
    public StructType readSchema() {
      return required;
    }

    @Override
    public Batch toBatch() {
      return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
      Configuration conf = SparkSession.active().sparkContext().hadoopConfiguration();
      HadoopConf.commonCrawlRegion(conf);
      List<String> files = Inputs.resolve(paths(options), Inputs.COMMON_CRAWL_BASE, 0, conf).paths();
      return files.stream().map(FilePartition::new).toArray(InputPartition[]::new);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
      int maxPayload = options.getInt("maxPayloadBytes", ReaderConfig.DEFAULTS.maxPayloadBytes());
      ReaderConfig config = new ReaderConfig(maxPayload, ReaderConfig.DEFAULTS.maxResyncScanBytes());
      int[] columns = new int[required.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = Schemas.WARC_RECORDS.fieldIndex(required.fields()[i].name());
      }
      return new RecordReaderFactory(config,
          HadoopConf.toMap(SparkSession.active().sparkContext().hadoopConfiguration()), columns);
    }

    private static List<String> paths(CaseInsensitiveStringMap options) {
      List<String> paths = new ArrayList<>();
      if (options.containsKey("path")) {
        paths.add(options.get("path"));
      }
      if (options.containsKey("paths")) {
        try {
          paths.addAll(new ObjectMapper().readValue(options.get("paths"), new TypeReference<List<String>>() {}));
        } catch (IOException e) {
          throw new UncheckedIOException("option 'paths' is not a JSON list", e);
        }
      }
      if (paths.isEmpty()) {
        throw new IllegalArgumentException("format(\"warc\") needs a path: load(\"/data/*.warc.gz\")");
      }
      return paths;
    }
  }

  private record FilePartition(String file) implements InputPartition {}

  /** @param columns for each column read, its index in the full schema */
  private record RecordReaderFactory(ReaderConfig config, Map<String, String> hadoopConf, int[] columns)
      implements PartitionReaderFactory {
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      String file = ((FilePartition) partition).file();
      try {
        return new RecordReader(file,
            new ArchiveReader(file, HadoopChannel.open(file, HadoopConf.fromMap(hadoopConf)), config), columns);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + file, e);
      }
    }
  }

  private static final class RecordReader implements PartitionReader<InternalRow> {
    private final UTF8String file;
    private final ArchiveReader reader;
    private final int[] columns;
    private final boolean decodePayload;
    private InternalRow current;

    RecordReader(String file, ArchiveReader reader, int[] columns) {
      this.file = UTF8String.fromString(file);
      this.reader = reader;
      this.columns = columns;
      int payload = Schemas.WARC_RECORDS.fieldIndex("payload");
      this.decodePayload = Arrays.stream(columns).anyMatch(c -> c == payload);
    }

    @Override
    public boolean next() {
      Optional<ReadEvent> event = reader.next();
      current = event.map(e -> project(values(e))).orElse(null);
      return current != null;
    }

    @Override
    public InternalRow get() {
      return current;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }

    private InternalRow project(Object[] values) {
      Object[] row = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        row[i] = values[columns[i]];
      }
      return new GenericInternalRow(row);
    }

    /** A record's values in the order of the full schema. */
    private Object[] values(ReadEvent event) {
      if (event instanceof ReadEvent.Page page) {
        ArchivePage p = page.page();
        return new Object[] {file, p.offset(),
            utf8(p.kind() == ArchivePage.Kind.TEXT ? "conversion" : "response"), utf8(p.recordId()), utf8(p.url()),
            p.fetchTimeMillis() < 0 ? null : p.fetchTimeMillis() * 1000, p.httpStatus(), utf8(p.contentType()),
            utf8("page"), decodePayload ? utf8(p.decoded().text()) : null, null};
      }
      if (event instanceof ReadEvent.Skipped skipped) {
        return new Object[] {file, skipped.offset(), utf8(skipped.recordType()), utf8(""),
            utf8(skipped.url()), null, -1, utf8(""), utf8(skipped.reason().outcome()), null, null};
      }
      ReadEvent.Failure failure = (ReadEvent.Failure) event;
      return new Object[] {file, failure.offset(), utf8("failure"), utf8(""), utf8(""), null,
          -1, utf8(""), utf8(failure.reason().outcome()), null, utf8(failure.message())};
    }

    private static UTF8String utf8(String s) {
      return UTF8String.fromString(s);
    }
  }
}

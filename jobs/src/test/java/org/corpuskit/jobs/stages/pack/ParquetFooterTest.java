package org.corpuskit.jobs.stages.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * parquet-java lists a column chunk's encodings in the order of a HashSet of enum constants, which differs
 * between JVMs; a footer in any such order becomes the same bytes.
 */
@ExtendWith(LocalSpark.class)
class ParquetFooterTest {
  @TempDir
  Path dir;

  @Test
  void aFooterWhoseEncodingsComeInAnotherOrderBecomesTheSameBytes(SparkSession spark) throws IOException {
    Path file = shard(spark);
    byte[] bytes = Files.readAllBytes(file);
    byte[] footer = footer(bytes);
    FileMetaData reordered = Util.readFileMetaData(new ByteArrayInputStream(footer));
    int lists = 0;
    for (RowGroup group : reordered.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        if (chunk.getMeta_data().getEncodingsSize() > 1) {
          Collections.reverse(chunk.getMeta_data().getEncodings());
          lists++;
        }
      }
    }
    ByteArrayOutputStream other = new ByteArrayOutputStream();
    Util.writeFileMetaData(reordered, other);
    assertFalse(lists == 0, "a column with more than one encoding, so that order matters");
    assertFalse(Arrays.equals(footer, other.toByteArray()), "the reversed footer is other bytes");
    assertArrayEquals(ParquetFooter.sortedFooter(footer), ParquetFooter.sortedFooter(other.toByteArray()));
  }

  @Test
  void aCopiedFileReadsBackWithTheSameRows(SparkSession spark) throws IOException {
    Path file = shard(spark);
    Path copy = dir.resolve("copy/shard.parquet");
    Files.createDirectories(copy.getParent());
    FileSystem fs = FileSystem.getLocal(new Configuration());
    try (FSDataInputStream in = fs.open(new org.apache.hadoop.fs.Path(file.toString()));
        OutputStream out = Files.newOutputStream(copy)) {
      ParquetFooter.copySorted(in, Files.size(file), out);
    }
    assertEquals(Files.size(file), Files.size(copy));
    List<Row> before = spark.read().parquet(file.toString()).collectAsList();
    assertEquals(before, spark.read().parquet(copy.toString()).collectAsList());
  }

  private Path shard(SparkSession spark) throws IOException {
    Path out = dir.resolve("written");
    spark.range(0, 5000).selectExpr("cast(id % 7 as int) as small", "sequence(0, cast(id % 50 as int)) as ids",
            "concat('doc-', id) as doc_id")
        .coalesce(1).write().option("compression", "zstd").parquet(out.toString());
    try (var files = Files.list(out)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }

  private static byte[] footer(byte[] file) {
    int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return Arrays.copyOfRange(file, file.length - 8 - length, file.length - 8);
  }
}

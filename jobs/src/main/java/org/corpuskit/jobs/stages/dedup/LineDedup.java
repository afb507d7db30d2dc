package org.corpuskit.jobs.stages.dedup;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.dedup.TextKeys;

/**
 * Corpus-wide line dedup, as CCNet removes boilerplate: a line whose normalised form ({@link TextKeys#line})
 * occurs in at least {@code minDocs} documents is removed from every one of them. Lines are counted per
 * document, so a line repeated within one page counts once. Blank lines and lines of punctuation alone have no
 * key and stay.
 */
final class LineDedup {
  static final String NO_LINES_LEFT = "no_lines_left";
  private static final UserDefinedFunction LINE_KEY =
      udf((UDF1<String, Long>) TextKeys::line, DataTypes.LongType).withName("line_key");

  private LineDedup() {}

  /**
   * @param edited every document, with the frequent lines taken out of its text
   * @param emptied the decisions for documents left without text
   * @param removed the frequent lines: key, documents holding it, and one example (the smallest doc_id's)
   */
  record Result(Dataset<Row> edited, Dataset<Row> emptied, Dataset<Row> removed) {}

  /** The schema of {@link Result#removed}. */
  static final StructType REMOVED = new StructType().add("key", DataTypes.LongType, false)
      .add("documents", DataTypes.LongType, false).add("example", DataTypes.StringType, true);

  static Result apply(Dataset<Row> docs, int minDocs) {
    Dataset<Row> lines = docs.select(col("doc_id"), posexplode(split(col("text"), "\n", -1)).as(
        new String[] {"pos", "line"})).withColumn("key", LINE_KEY.apply(col("line")));
    Dataset<Row> removed = lines.filter(col("key").notEqual(0)).groupBy("key", "doc_id")
        .agg(min_by(col("line"), col("pos")).as("line"))
        .groupBy("key").agg(count(lit(1)).as("documents"), min_by(col("line"), col("doc_id")).as("example"))
        .filter(col("documents").geq(minDocs));
    Dataset<Row> texts = lines.join(removed.select("key"), "key", "left_anti")
        .groupBy("doc_id").agg(sort_array(collect_list(struct(col("pos"), col("line")))).as("lines"))
        .select(col("doc_id"), array_join(transform(col("lines"), l -> l.getField("line")), "\n").as("kept_text"));
    Dataset<Row> edited = docs.join(texts, "doc_id", "left")
        .withColumn("text", coalesce(col("kept_text"), lit(""))).drop("kept_text");
    Dataset<Row> emptied = edited.filter(trim(col("text")).equalTo(""))
        .select(col("doc_id"), lit(NO_LINES_LEFT).as("reason"), lit(null).cast("string").as("duplicate_of"));
    return new Result(edited, emptied, removed);
  }
}

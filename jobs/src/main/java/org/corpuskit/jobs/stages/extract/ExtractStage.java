package org.corpuskit.jobs.stages.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.corpuskit.archive.ReaderConfig;
import org.corpuskit.extract.MainContentExtractor;
import org.corpuskit.jobs.config.ExtractConfig;
import org.corpuskit.jobs.io.HadoopConf;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.pipeline.StageContext;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageSpec;

/**
 * Stage {@code extract}: archive files to documents. One pass over the archives (one Spark partition per file)
 * yields outcome rows, persisted once, from which the four datasets are written:
 *
 * <ul>
 *   <li>{@code documents}: pages with text;
 *   <li>{@code rejected}: pages that left no text;
 *   <li>{@code errors}: unreadable records and byte ranges, and pages whose extraction failed;
 *   <li>{@code file_summaries}: per input file, records by WARC type and by outcome.
 * </ul>
 *
 * Its counts: records in (counted from the record headers the reader saw), documents out, rejected by reason
 * (records skipped by the reader, such as {@code skipped:revisit}, and pages without text), failed by reason.
 */
public final class ExtractStage implements Stage {
  public static final String NAME = "extract";
  static final StageSpec SPEC = new StageSpec(NAME, "archives to documents with their main text, and what "
      + "became of every other record", List.of(), List.of("documents", "rejected", "errors", "file_summaries"),
      config -> List.of(config.extract(), MainContentExtractor.VERSION), "extract-2");

  @Override
  public StageSpec spec() {
    return SPEC;
  }

  @Override
  public StageCounts run(StageContext context) {
    ExtractConfig config = context.config().extract();
    PayloadMemory.check(context.spark().sparkContext(), config.maxPayloadMb());
    Configuration conf = context.spark().sparkContext().hadoopConfiguration();
    HadoopConf.commonCrawlRegion(conf);
    ReaderConfig reader = new ReaderConfig(config.maxPayloadMb() << 20, (long) config.maxResyncScanMb() << 20);

    Dataset<Row> outcomes = new ReadArchives(reader, conf)
        .apply(ReadArchives.files(context.spark(), context.inputs().paths()));
    outcomes = new ExtractText(config).apply(outcomes);
    outcomes = outcomes.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      for (String dataset : writes()) {
        String kind = Outcomes.KIND_OF_DATASET.get(dataset);
        context.write(outcomes.filter(outcomes.col("kind").equalTo(kind)).select(kind + ".*"), dataset);
      }
    } finally {
      outcomes.unpersist();
    }
    List<String> notes = Unreadable.check(context.written("file_summaries"), context.written("errors"),
        config.maxUnreadableShare());
    return counts(context).withNotes(notes);
  }

  private static StageCounts counts(StageContext context) {
    Row files = context.written("file_summaries").selectExpr("coalesce(sum(records), 0)").first();
    Row documents = context.written("documents").selectExpr("count(*)", "coalesce(sum(length(text)), 0)").first();
    Map<String, Long> rejected = countBy(context.written("rejected"), "reason");
    context.written("file_summaries").selectExpr("explode(outcomes) as (outcome, n)")
        .filter("outcome like 'skipped:%'").groupBy("outcome").sum("n").collectAsList()
        .forEach(r -> rejected.merge(r.getString(0), r.getLong(1), Long::sum));
    Map<String, Long> failed = countBy(context.written("errors"), "reason");
    return new StageCounts(files.getLong(0), documents.getLong(0), rejected, failed, -1, documents.getLong(1));
  }

  private static Map<String, Long> countBy(Dataset<Row> data, String column) {
    Map<String, Long> counts = new HashMap<>();
    data.groupBy(column).count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    return counts;
  }
}

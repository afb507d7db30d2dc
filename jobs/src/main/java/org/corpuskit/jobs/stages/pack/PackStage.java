package org.corpuskit.jobs.stages.pack;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.jobs.config.PackConfig;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.Preflight;
import org.corpuskit.jobs.pipeline.Stage;
import org.corpuskit.jobs.pipeline.StageContext;
import org.corpuskit.jobs.pipeline.StageCounts;
import org.corpuskit.jobs.pipeline.StageSpec;
import org.corpuskit.pack.BestFitPacker;
import org.corpuskit.pack.ChunkPacker;
import org.corpuskit.pack.Sequence;
import scala.Tuple2;

/**
 * Stage {@code pack}: the mixed documents, each as many times as its copies, to fixed-length sequences in
 * Parquet shards, with {@code manifest.json}.
 *
 * <p>Each copy of a document goes to a shard by a seeded hash of its id and copy number, and the shard's
 * documents are packed in the order of that hash: so the shards, and every sequence in them, are the same
 * however the input is partitioned. The sequences of a shard are then put in a seeded order of their own,
 * which parts the consecutive pieces of a long document. One shard is one file, zstd-compressed, named
 * {@code shard-NNNNN-of-MMMMM.parquet}.
 *
 * <p>Counts: document copies in; out, the copies whose end (EOS) is in the shards, counted from them; with
 * chunking and {@code pad_last} off, the copies whose end fell in a shard's dropped remainder are
 * {@code end_dropped}. The tokens in the shards, with those dropped, must be the tokens that went in.
 */
public final class PackStage implements Stage {
  public static final String NAME = "pack";
  /** The dataset it reads. */
  public static final String READS = "mix/documents";
  static final StageSpec SPEC = new StageSpec(NAME, "mixed documents to fixed-length training sequences in "
      + "shuffled Parquet shards, with a manifest", List.of(new StageSpec.Input(READS, Schemas.load("mixed"))),
      List.of("shards"), config -> List.of(config.pack(), config.tokenize()), "pack-1");
  static final StructType SHARDS = Schemas.load("shards");

  @Override
  public StageSpec spec() {
    return SPEC;
  }

  @Override
  public List<String> preflight(PipelineConfig config) {
    return new Preflight().check("pack", () -> SpecialIds.resolve(config.tokenize().tokenizer(), config.pack()))
        .problems();
  }

  @Override
  public StageCounts run(StageContext context) {
    PackConfig config = context.config().pack();
    String tokenizer = context.config().tokenize().tokenizer();
    SpecialIds ids = SpecialIds.resolve(tokenizer, config);
    Dataset<Row> documents = context.read(READS);
    int extra = 1 + (ids.bos() >= 0 ? 1 : 0);
    Row totals = documents.selectExpr("count(*)", "coalesce(sum(cast(copies as long)), 0)",
        "coalesce(sum(cast(copies as long) * (n_tokens + " + extra + ")), 0)").first();
    long tokensIn = totals.getLong(2);
    int shards = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (tokensIn + config.shardTokens() - 1)
        / config.shardTokens()));
    Dataset<Row> copies = documents
        .select(col("doc_id"), col("source"), col("tokens"),
            explode(sequence(lit(0), col("copies").minus(1))).as("copy"))
        .withColumn("key", xxhash64(col("doc_id"), col("copy"), lit(config.seed())))
        .withColumn("shard", pmod(col("key"), lit(shards)).cast("int"))
        .repartition(shards, col("shard"))
        .sortWithinPartitions("shard", "key", "doc_id", "copy");
    long seed = config.seed();
    JavaRDD<Tuple2<SequenceKey, Row>> packed = copies.select("shard", "doc_id", "source", "tokens").javaRDD()
        .mapPartitions(rows -> new Packing(rows, config, ids, seed));
    JavaRDD<Row> ordered = packed.mapToPair(t -> t)
        .repartitionAndSortWithinPartitions(new ShardPartitioner(shards))
        .values();
    context.write(context.spark().createDataFrame(ordered, SHARDS), "shards", "parquet",
        Map.of("compression", "zstd"));
    String dir = context.datasetPath("shards");
    Shards.name(context.spark(), dir);
    Shards.Written written = Shards.measure(context.spark(), dir);
    long dropped = tokensIn - written.tokens();
    boolean mayDrop = !config.bestFit() && !config.padLast();
    if (dropped < 0 || (!mayDrop && dropped != 0) || dropped >= (long) shards * config.seqLen()) {
      throw new IllegalStateException(String.format("pack: %,d document tokens went in and %,d are in the shards; "
          + "%s", tokensIn, written.tokens(), mayDrop ? "at most one partial sequence per shard may be dropped"
          : "none may be lost"));
    }
    Manifest manifest = new Manifest(context.config(), tokenizer, ids, written, totals.getLong(1), tokensIn);
    context.writeFile("manifest.json", manifest.json());
    long copiesIn = totals.getLong(1);
    long ended = documentEnds(context.written("shards"), ids.eos());
    return new StageCounts(copiesIn, ended, mayDrop && ended < copiesIn ? Map.of("end_dropped", copiesIn - ended)
        : Map.of(), Map.of(), -1, -1, manifest.lines());
  }

  /**
   * The document copies the shards hold to their end: the parts that end with EOS. Documents are encoded as
   * ordinary text, so EOS ends a document and nothing else; padding lies past the last boundary.
   */
  private static long documentEnds(Dataset<Row> shards, int eos) {
    return shards.selectExpr("coalesce(sum(size(filter(sequence(1, size(boundaries) - 1), "
        + "p -> element_at(input_ids, element_at(boundaries, p + 1)) = " + eos + "))), 0)").first().getLong(0);
  }

  /** Puts each sequence in the partition of its shard. */
  static final class ShardPartitioner extends Partitioner {
    private final int shards;

    ShardPartitioner(int shards) {
      this.shards = shards;
    }

    @Override
    public int numPartitions() {
      return shards;
    }

    @Override
    public int getPartition(Object key) {
      return ((SequenceKey) key).shard();
    }
  }

  /**
   * Packs one partition's documents, shard by shard (they come sorted by shard), into keyed sequence rows,
   * pulling documents only as sequences are taken: memory holds the packer's open sequences, not the partition.
   */
  private static final class Packing implements Iterator<Tuple2<SequenceKey, Row>> {
    private final Iterator<Row> rows;
    private final PackConfig config;
    private final SpecialIds ids;
    private final long seed;
    private final ArrayDeque<Tuple2<SequenceKey, Row>> ready = new ArrayDeque<>();
    private ChunkPacker chunker;
    private BestFitPacker bestFit;
    private int shard = -1;
    private long index;

    Packing(Iterator<Row> rows, PackConfig config, SpecialIds ids, long seed) {
      this.rows = rows;
      this.config = config;
      this.ids = ids;
      this.seed = seed;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && (rows.hasNext() || shard >= 0)) {
        if (!rows.hasNext()) {
          finishShard();
          continue;
        }
        Row row = rows.next();
        if (row.getInt(0) != shard) {
          finishShard();
          start(row.getInt(0));
        }
        List<Integer> tokens = row.getList(3);
        int[] document = new int[tokens.size()];
        for (int i = 0; i < document.length; i++) {
          document[i] = tokens.get(i);
        }
        if (chunker != null) {
          chunker.add(document, row.getString(2), row.getString(1));
        } else {
          bestFit.add(document, row.getString(2), row.getString(1));
        }
      }
      return !ready.isEmpty();
    }

    @Override
    public Tuple2<SequenceKey, Row> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    /** Keys a sequence as it is made, while {@code shard} is still the one it belongs to. */
    private void emit(Sequence s) {
      Row row = RowFactory.create(s.ids(), s.boundaries(), s.sources().toArray(new String[0]),
          s.documents().toArray(new String[0]), s.padding());
      ready.add(new Tuple2<>(SequenceKey.of(shard, index++, seed), row));
    }

    private void start(int next) {
      shard = next;
      index = 0;
      if (config.bestFit()) {
        bestFit = new BestFitPacker(config.seqLen(), ids.eos(), ids.bos(), ids.pad(), config.openSequences(),
            this::emit);
      } else {
        chunker = new ChunkPacker(config.seqLen(), ids.eos(), ids.bos(), ids.pad(), this::emit);
      }
    }

    private void finishShard() {
      if (shard < 0) {
        return;
      }
      if (chunker != null) {
        chunker.finish(config.padLast());
      } else {
        bestFit.finish();
      }
      chunker = null;
      bestFit = null;
      shard = -1;
    }
  }
}

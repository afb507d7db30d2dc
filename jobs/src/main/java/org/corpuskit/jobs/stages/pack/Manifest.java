package org.corpuskit.jobs.stages.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corpuskit.jobs.config.ConfigTree;
import org.corpuskit.jobs.config.PackConfig;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.config.Secrets;
import org.corpuskit.jobs.pipeline.CodeVersion;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.tokenize.Tokenizers;

/**
 * {@code manifest.json}: what a trainer needs to trust the shards: the tokenizer and its checksum, the special
 * ids, seq_len and the strategy, tokens per source, every shard with its rows, tokens and SHA-256, the whole
 * configuration, and the run's lineage ({@code ../run.json}). {@code corpus verify} checks the shards against
 * it. Immutable.
 */
public final class Manifest {
  /** The version of this layout; a reader refuses one it does not know. */
  public static final String FORMAT = "corpus-shards-1";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root;
  private final Shards.Written written;
  private final long droppedTokens;

  Manifest(PipelineConfig config, String tokenizer, SpecialIds ids, Shards.Written written, long documents,
      long tokensIn) {
    PackConfig pack = config.pack();
    this.written = written;
    this.droppedTokens = tokensIn - written.tokens();
    root = JSON.createObjectNode().put("format", FORMAT);
    root.putObject("tokenizer").put("spec", Secrets.scrub(tokenizer)).put("checksum", Tokenizers.checksum(tokenizer))
        .put("eos", ids.eos()).put("bos", ids.bos()).put("pad", ids.pad());
    root.put("seq_len", pack.seqLen()).put("strategy", pack.strategy()).put("add_bos", pack.addBos())
        .put("pad_last", pack.padLast()).put("seed", pack.seed());
    root.put("documents", documents).put("sequences", written.rows()).put("tokens", written.tokens())
        .put("padding", written.padding()).put("dropped_tokens", droppedTokens);
    ObjectNode sources = root.putObject("sources");
    written.sources().forEach((name, figures) -> sources.putObject(name).put("tokens", figures[0])
        .put("parts", figures[1]));
    var shards = root.putArray("shards");
    for (Shards.ShardFile shard : written.shards()) {
      shards.addObject().put("file", "shards/" + shard.file()).put("rows", shard.rows())
          .put("tokens", shard.tokens()).put("padding", shard.padding()).put("bytes", shard.bytes())
          .put("sha256", shard.sha256());
    }
    root.putObject("columns").put("input_ids", "list<int32>, seq_len ids")
        .put("boundaries", "list<int32>, cumulative offsets of the document parts (cu_seqlens)")
        .put("sources", "list<string>, the source of each part")
        .put("doc_ids", "list<string>, the document of each part")
        .put("padding", "int32, pad ids at the end");
    // How Spark ran (partitions, master, credentials) does not decide the shards, so it stays in run.json.
    ObjectNode shown = ConfigTree.shown(config);
    shown.remove("spark");
    root.set("config", shown);
    root.putObject("lineage").put("run", "../run.json").put("code_version", CodeVersion.current());
  }

  String json() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The run summary's lines: from documents to tokens. */
  List<String> lines() {
    long seqLen = root.get("seq_len").asLong();
    List<String> out = new ArrayList<>();
    out.add(String.format("%,d sequence%s of %,d tokens in %d shard%s: %,d document tokens, %,d padding "
        + "(%.2f%%), %,d dropped", written.rows(), written.rows() == 1 ? "" : "s", seqLen, written.shards().size(),
        written.shards().size() == 1 ? "" : "s", written.tokens(), written.padding(),
        written.rows() == 0 ? 0.0 : 100.0 * written.padding() / (written.rows() * seqLen), droppedTokens));
    StringBuilder perSource = new StringBuilder("tokens by source:");
    for (Map.Entry<String, long[]> source : written.sources().entrySet()) {
      perSource.append(String.format(" %s %,d (%.1f%%)", source.getKey(), source.getValue()[0],
          written.tokens() == 0 ? 0.0 : 100.0 * source.getValue()[0] / written.tokens()));
    }
    out.add(written.sources().isEmpty() ? "tokens by source: none" : perSource.toString());
    return out;
  }

  /** Reads a manifest's JSON, refusing a layout it does not know. */
  public static JsonNode read(String json, String where) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UsageException(where + ": not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !FORMAT.equals(node.path("format").asText())) {
      throw new UsageException(where + ": not a corpus shard manifest (format " + FORMAT + ")");
    }
    return node;
  }
}

package org.corpuskit.pack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Concatenates documents, each ended by EOS (and begun by BOS when given), and cuts the stream into sequences of
 * {@code seqLen} tokens: no padding and no token lost inside a stream; a document may run across sequences. What
 * is left at the end is padded to a whole sequence or dropped, and counted either way.
 *
 * <p>Not thread-safe: it carries the remainder from one document to the next. One per task, whose documents
 * form one stream.
 */
public final class ChunkPacker {
  private final int seqLen;
  private final int eos;
  private final int bos;
  private final int pad;
  private final Consumer<Sequence> out;
  private final int[] buffer;
  private final List<Integer> starts = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();
  private final List<String> documents = new ArrayList<>();
  private int filled;
  private long tokensIn;

  /**
   * @param seqLen tokens per sequence, at least 1
   * @param eos the id ending every document
   * @param bos the id beginning every document, or -1 for none
   * @param pad the id padding the last sequence
   * @param out receives each sequence
   */
  public ChunkPacker(int seqLen, int eos, int bos, int pad, Consumer<Sequence> out) {
    if (seqLen < 1) {
      throw new IllegalArgumentException("seq_len must be at least 1, got " + seqLen);
    }
    if (eos < 0) {
      throw new IllegalArgumentException("an EOS id is needed, got " + eos);
    }
    this.seqLen = seqLen;
    this.eos = eos;
    this.bos = bos;
    this.pad = pad;
    this.out = out;
    this.buffer = new int[seqLen];
  }

  /** Adds the ids of document {@code id} (without BOS and EOS, which are added here) from {@code source}. */
  public void add(int[] ids, String source, String id) {
    boolean first = true;
    int total = ids.length + 1 + (bos >= 0 ? 1 : 0);
    tokensIn += total;
    int at = 0;
    while (at < total) {
      if (first || filled == 0) {
        starts.add(filled);
        sources.add(source);
        documents.add(id);
        first = false;
      }
      at = copy(ids, at, Math.min(seqLen - filled, total - at), total);
      if (filled == seqLen) {
        emit(0);
      }
    }
  }

  /**
   * Copies {@code count} of the document's tokens (BOS, its ids, then EOS: {@code total} in all) from
   * {@code at} into the buffer, and returns where the copy stopped.
   */
  private int copy(int[] ids, int at, int count, int total) {
    int end = at + count;
    int offset = bos >= 0 ? 1 : 0;
    if (offset == 1 && at == 0 && at < end) {
      buffer[filled++] = bos;
      at++;
    }
    int body = Math.min(end, total - 1) - at;
    if (body > 0) {
      System.arraycopy(ids, at - offset, buffer, filled, body);
      filled += body;
      at += body;
    }
    if (at < end) {
      buffer[filled++] = eos;
      at++;
    }
    return at;
  }

  /**
   * Ends the stream: a partial last sequence is padded to {@code seqLen} when {@code padLast}, else dropped.
   * Returns the tokens dropped (0 when padded).
   */
  public int finish(boolean padLast) {
    if (filled == 0) {
      return 0;
    }
    if (!padLast) {
      int dropped = filled;
      filled = 0;
      clear();
      return dropped;
    }
    int padding = seqLen - filled;
    Arrays.fill(buffer, filled, seqLen, pad);
    emit(padding);
    return 0;
  }

  /** Document tokens taken in, BOS and EOS included. */
  public long tokensIn() {
    return tokensIn;
  }

  private void emit(int padding) {
    int[] boundaries = new int[starts.size() + 1];
    for (int i = 0; i < starts.size(); i++) {
      boundaries[i] = starts.get(i);
    }
    boundaries[starts.size()] = seqLen - padding;
    out.accept(new Sequence(buffer.clone(), boundaries, sources, documents, padding));
    clear();
  }

  private void clear() {
    filled = 0;
    starts.clear();
    sources.clear();
    documents.clear();
  }
}

package org.corpuskit.pack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Packs whole documents (BOS optional, EOS always) into sequences of {@code seqLen} tokens by best fit: each
 * document goes into the open sequence it leaves least room in, or opens one; a sequence is closed, padded, when
 * more than {@code openLimit} are open (the fullest first) or at the end. A document longer than a sequence is
 * cut into sequence-long pieces, each packed as a document. No document is split otherwise, for trainers that
 * mask attention across documents; the price is padding, which is counted.
 *
 * <p>Not thread-safe. Memory: {@code openLimit} sequences.
 */
public final class BestFitPacker {
  private final int seqLen;
  private final int eos;
  private final int bos;
  private final int pad;
  private final int openLimit;
  private final Consumer<Sequence> out;
  private final List<Bin> open = new ArrayList<>();
  private long padding;

  private static final class Bin {
    final int[] ids;
    final List<Integer> starts = new ArrayList<>();
    final List<String> sources = new ArrayList<>();
    final List<String> documents = new ArrayList<>();
    int filled;

    Bin(int seqLen) {
      ids = new int[seqLen];
    }
  }

  /**
   * @param seqLen tokens per sequence, at least 1
   * @param eos the id ending every document
   * @param bos the id beginning every document, or -1 for none
   * @param pad the id filling what documents leave
   * @param openLimit the most sequences kept open, at least 1
   * @param out receives each sequence
   */
  public BestFitPacker(int seqLen, int eos, int bos, int pad, int openLimit, Consumer<Sequence> out) {
    if (seqLen < 1 || openLimit < 1) {
      throw new IllegalArgumentException("seq_len and the open limit must be at least 1, got " + seqLen + " and "
          + openLimit);
    }
    if (eos < 0) {
      throw new IllegalArgumentException("an EOS id is needed, got " + eos);
    }
    this.seqLen = seqLen;
    this.eos = eos;
    this.bos = bos;
    this.pad = pad;
    this.openLimit = openLimit;
    this.out = out;
  }

  /** Adds the ids of document {@code id} (without BOS and EOS, which are added here) from {@code source}. */
  public void add(int[] ids, String source, String id) {
    int[] document = new int[ids.length + 1 + (bos >= 0 ? 1 : 0)];
    int at = 0;
    if (bos >= 0) {
      document[at++] = bos;
    }
    System.arraycopy(ids, 0, document, at, ids.length);
    document[document.length - 1] = eos;
    for (int from = 0; from < document.length; from += seqLen) {
      place(document, from, Math.min(document.length, from + seqLen), source, id);
    }
  }

  private void place(int[] document, int from, int to, String source, String id) {
    int length = to - from;
    Bin best = null;
    for (Bin bin : open) {
      int room = seqLen - bin.filled;
      if (room >= length && (best == null || room < seqLen - best.filled)) {
        best = bin;
      }
    }
    if (best == null) {
      if (open.size() == openLimit) {
        Bin fullest = open.get(0);
        for (Bin bin : open) {
          fullest = bin.filled > fullest.filled ? bin : fullest;
        }
        close(fullest);
      }
      best = new Bin(seqLen);
      open.add(best);
    }
    best.starts.add(best.filled);
    best.sources.add(source);
    best.documents.add(id);
    System.arraycopy(document, from, best.ids, best.filled, length);
    best.filled += length;
    if (best.filled == seqLen) {
      close(best);
    }
  }

  /** Closes every open sequence, padded. */
  public void finish() {
    while (!open.isEmpty()) {
      close(open.get(0));
    }
  }

  /** Pad tokens written so far. */
  public long padding() {
    return padding;
  }

  private void close(Bin bin) {
    open.remove(bin);
    int fill = seqLen - bin.filled;
    Arrays.fill(bin.ids, bin.filled, seqLen, pad);
    int[] boundaries = new int[bin.starts.size() + 1];
    for (int i = 0; i < bin.starts.size(); i++) {
      boundaries[i] = bin.starts.get(i);
    }
    boundaries[bin.starts.size()] = bin.filled;
    padding += fill;
    out.accept(new Sequence(bin.ids, boundaries, bin.sources, bin.documents, fill));
  }
}

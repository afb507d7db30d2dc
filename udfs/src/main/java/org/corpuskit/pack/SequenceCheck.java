package org.corpuskit.pack;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code corpus verify} checks of every row of a training shard, before a trainer reads it: the length,
 * the boundaries, one source and one document id per part, the padding, and the special tokens where document
 * parts meet. A row that passes can be read as {@link Sequence} and split back into its documents.
 *
 * <p>Thread-safe: immutable. Serializable, for the tasks that check the rows.
 */
public final class SequenceCheck implements Serializable {
  private final int seqLen;
  private final int eos;
  private final int bos;
  private final int pad;
  private final boolean wholeDocuments;

  /**
   * @param seqLen tokens per row
   * @param eos the id ending every document
   * @param bos the id beginning every document, or -1 for none
   * @param pad the padding id
   * @param wholeDocuments true for best-fit packing, where every part is a whole document or a piece of one
   *     that fills its row; false for chunking, where only the first and last part of a row may be cut
   */
  public SequenceCheck(int seqLen, int eos, int bos, int pad, boolean wholeDocuments) {
    if (seqLen < 1 || eos < 0) {
      throw new IllegalArgumentException("seq_len must be at least 1 and EOS given, got " + seqLen + " and " + eos);
    }
    this.seqLen = seqLen;
    this.eos = eos;
    this.bos = bos;
    this.pad = pad;
    this.wholeDocuments = wholeDocuments;
  }

  /** What is wrong with one row, each problem a phrase; empty when nothing is. */
  public List<String> problems(int[] ids, int[] boundaries, int sources, int documents, int padding) {
    List<String> problems = new ArrayList<>();
    if (ids.length != seqLen) {
      problems.add("has " + ids.length + " tokens, not seq_len " + seqLen);
      return problems;
    }
    if (padding < 0 || padding >= seqLen) {
      problems.add("padding " + padding + " is outside [0, seq_len)");
      return problems;
    }
    int parts = boundaries.length - 1;
    if (parts < 1 || boundaries[0] != 0 || boundaries[parts] != seqLen - padding) {
      problems.add("boundaries must run from 0 to seq_len - padding (" + (seqLen - padding) + ")");
      return problems;
    }
    if (sources != parts || documents != parts) {
      problems.add(parts + " parts but " + sources + " sources and " + documents + " document ids");
    }
    for (int i = seqLen - padding; i < seqLen; i++) {
      if (ids[i] != pad) {
        problems.add("padding holds id " + ids[i] + " at " + i + ", not the pad id " + pad);
        break;
      }
    }
    for (int part = 0; part < parts; part++) {
      int start = boundaries[part];
      int end = boundaries[part + 1];
      if (end <= start) {
        problems.add("boundaries do not increase at part " + part);
        return problems;
      }
      boolean last = part == parts - 1;
      boolean endsDocument = ids[end - 1] == eos;
      if (!last && !endsDocument) {
        problems.add("part " + part + " is followed by another document but does not end with EOS");
      } else if (last && wholeDocuments && !endsDocument && end - start != seqLen) {
        problems.add("part " + part + " is cut: best-fit rows hold whole documents");
      }
      if (bos >= 0 && part > 0 && !wholeDocuments && ids[start] != bos) {
        problems.add("part " + part + " starts a document without BOS");
      }
    }
    return problems;
  }
}

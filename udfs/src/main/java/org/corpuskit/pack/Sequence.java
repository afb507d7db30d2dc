package org.corpuskit.pack;

import java.util.List;

/**
 * One training sequence.
 *
 * @param ids the token ids, exactly the sequence length (padding included)
 * @param boundaries where documents start and the last one ends, as offsets into {@code ids}: {@code [0, ...,
 *     end]}, the cumulative lengths varlen attention takes; a document cut by the sequence's start or end counts
 *     from or to that edge, and padding after {@code end} belongs to none
 * @param sources the source of each document part, in order: one fewer than the boundaries
 * @param documents the id of each document part's document, in order, so that a sequence leads back to its pages
 * @param padding pad tokens at the end
 */
public record Sequence(int[] ids, int[] boundaries, List<String> sources, List<String> documents, int padding) {
  public Sequence {
    sources = List.copyOf(sources);
    documents = List.copyOf(documents);
    if (boundaries.length != sources.size() + 1 || documents.size() != sources.size()) {
      throw new IllegalArgumentException(boundaries.length + " boundaries for " + sources.size() + " sources and "
          + documents.size() + " documents");
    }
  }
}

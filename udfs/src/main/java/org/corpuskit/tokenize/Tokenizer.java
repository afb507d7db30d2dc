package org.corpuskit.tokenize;

import java.util.OptionalInt;

/**
 * Text to token ids and back, with the end- and beginning-of-document ids the tokenizer's own files define.
 * Implementations say whether they are thread-safe. Close a tokenizer to free what it holds outside the heap
 * (the native ones); closing one that holds nothing does nothing.
 */
public interface Tokenizer extends AutoCloseable {
  /** The tokenizer's name, as a run's manifest records it. */
  String name();

  /**
   * The ids of {@code text}, as ordinary text: a special token's spelling inside it (such as
   * {@code <|endoftext|>} on a web page) is encoded as the characters it is, never as the special token, so a
   * document cannot forge a document boundary.
   */
  int[] encode(String text);

  /** The text of {@code ids}. */
  String decode(int[] ids);

  /** The end-of-document id, from the tokenizer's definition; empty when it defines none. */
  OptionalInt eos();

  /** The beginning-of-document id, from the tokenizer's definition; empty when it defines none. */
  OptionalInt bos();

  /** Frees what the tokenizer holds outside the heap; it cannot be used afterwards. */
  @Override
  default void close() {}
}

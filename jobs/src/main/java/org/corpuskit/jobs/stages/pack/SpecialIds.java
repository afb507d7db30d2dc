package org.corpuskit.jobs.stages.pack;

import java.io.Serializable;
import java.util.Arrays;
import org.corpuskit.jobs.config.PackConfig;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.tokenize.Tokenizer;
import org.corpuskit.tokenize.Tokenizers;

/**
 * The EOS, BOS and pad ids a run packs with: those configured, else the tokenizer's own. Resolved once, on the
 * driver, before any work: a tokenizer with no EOS and none configured is a usage error, never a guess.
 *
 * @param eos the id ending every document
 * @param bos the id beginning every document, or -1 when documents get none
 * @param pad the padding id
 */
public record SpecialIds(int eos, int bos, int pad) implements Serializable {

  /** Opens the tokenizer {@code spec}; one that is missing or does not parse is a usage error. */
  public static Tokenizer open(String spec) {
    try {
      return Tokenizers.open(spec);
    } catch (RuntimeException e) {
      throw new UsageException("tokenize.tokenizer: " + e.getMessage());
    }
  }

  /**
   * The ids for the tokenizer {@code spec} packed by {@code config}. A configured EOS or BOS that is an ordinary
   * token (one whose text encodes back to it, as Llama 2's EOS id 2 is '#' in Llama 3) is refused: documents
   * contain it, so trainers could not tell where they end.
   */
  public static SpecialIds resolve(String spec, PackConfig config) {
    try (Tokenizer tokenizer = open(spec)) {
      int eos = config.eos() >= 0 ? config.eos() : tokenizer.eos().orElseThrow(() -> new UsageException(
          "tokenizer " + spec + " defines no end-of-document token: give its id with --eos (pack.eos)"));
      checkNotOrdinary(tokenizer, spec, "pack.eos", config.eos());
      int bos = -1;
      if (config.addBos()) {
        bos = config.bos() >= 0 ? config.bos() : tokenizer.bos().orElseThrow(() -> new UsageException(
            "tokenizer " + spec + " defines no beginning-of-document token: give its id with pack.bos, or turn "
                + "pack.add_bos off"));
        checkNotOrdinary(tokenizer, spec, "pack.bos", config.bos());
      }
      return new SpecialIds(eos, bos, config.padId() >= 0 ? config.padId() : eos);
    }
  }

  private static void checkNotOrdinary(Tokenizer tokenizer, String spec, String key, int id) {
    if (id < 0) {
      return;
    }
    String text;
    try {
      text = tokenizer.decode(new int[] {id});
    } catch (RuntimeException outsideTheVocabulary) {
      return;
    }
    if (!text.isEmpty() && Arrays.equals(tokenizer.encode(text), new int[] {id})) {
      throw new UsageException(key + " " + id + " is the ordinary token '" + text + "' of tokenizer " + spec
          + ", which documents contain, so their ends could not be told apart from it; give an id the "
          + "tokenizer keeps for special tokens" + tokenizer.eos().stream().mapToObj(own -> " (its own EOS is "
          + own + ")").findFirst().orElse(", or one past its vocabulary"));
    }
  }
}

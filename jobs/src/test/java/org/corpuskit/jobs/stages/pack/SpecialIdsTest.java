package org.corpuskit.jobs.stages.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpuskit.jobs.config.PackConfig;
import org.corpuskit.jobs.pipeline.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecialIdsTest {
  /** A word-level tokenizer.json of our own, with no special tokens at all. */
  private static final String NO_SPECIALS = """
      {"version": "1.0", "truncation": null, "padding": null, "added_tokens": [], "normalizer": null,
       "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null, "decoder": null,
       "model": {"type": "WordLevel", "vocab": {"hello": 0, "world": 1, "[UNK]": 2}, "unk_token": "[UNK]"}}
      """;

  @Test
  void tiktokenEncodingsEndDocumentsWithEndoftextAndPadWithIt() {
    assertEquals(new SpecialIds(100257, -1, 100257), SpecialIds.resolve("cl100k_base", PackConfig.DEFAULTS));
    assertEquals(new SpecialIds(199999, -1, 199999), SpecialIds.resolve("o200k_base", PackConfig.DEFAULTS));
  }

  @Test
  void aTokenizerWithoutEosNeedsOneGiven(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(file, NO_SPECIALS);
    UsageException e = assertThrows(UsageException.class,
        () -> SpecialIds.resolve("hf:" + file, PackConfig.DEFAULTS));
    assertEquals("tokenizer hf:" + file + " defines no end-of-document token: give its id with --eos (pack.eos)",
        e.getMessage());
    assertEquals(new SpecialIds(2, -1, 2), SpecialIds.resolve("hf:" + file, PackConfig.DEFAULTS.withEos(2)));
  }

  @Test
  void aGivenEosThatIsAnOrdinaryTokenIsRefused() {
    UsageException e = assertThrows(UsageException.class,
        () -> SpecialIds.resolve("cl100k_base", PackConfig.DEFAULTS.withEos(13)));
    assertEquals("pack.eos 13 is the ordinary token '.' of tokenizer cl100k_base, which documents contain, so their "
        + "ends could not be told apart from it; give an id the tokenizer keeps for special tokens (its own EOS is "
        + "100257)", e.getMessage());
    assertEquals(new SpecialIds(100276, -1, 100276),
        SpecialIds.resolve("cl100k_base", PackConfig.DEFAULTS.withEos(100276)), "<|endofprompt|>, a special token");
    assertEquals(new SpecialIds(100300, -1, 100300),
        SpecialIds.resolve("cl100k_base", PackConfig.DEFAULTS.withEos(100300)), "past the vocabulary");
  }

  @Test
  void aTokenizerFileThatDoesNotParseIsAUsageError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(file, "{\"model\": ");
    UsageException e = assertThrows(UsageException.class,
        () -> SpecialIds.resolve("hf:" + file, PackConfig.DEFAULTS));
    assertTrue(e.getMessage().startsWith("tokenize.tokenizer: "), e.getMessage());
  }
}

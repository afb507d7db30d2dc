package org.corpuskit.tokenize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Opens a tokenizer from its spec, as the configuration and {@code --tokenizer} give it:
 *
 * <ul>
 *   <li>{@code cl100k_base} (or r50k_base, p50k_base, p50k_edit, o200k_base, gpt2): a tiktoken encoding built in;
 *   <li>{@code tiktoken:PATH:ENCODING}: a tiktoken rank file split by the pattern, and with the special tokens, of
 *       the built-in ENCODING (so {@code tiktoken:cl100k_base.tiktoken:cl100k_base} is cl100k_base), or of Llama 3
 *       ({@code tiktoken:tokenizer.model:llama3});
 *   <li>{@code hf:PATH}: a Hugging Face {@code tokenizer.json};
 *   <li>{@code spm:PATH}: a SentencePiece {@code tokenizer.model}.
 * </ul>
 *
 * A file that is missing or does not parse is an error naming it, before any work starts.
 */
public final class Tokenizers {
  /** The split patterns of tiktoken's encodings ({@code tiktoken_ext/openai_public.py}). */
  private static final String X50K_PATTERN =
      "'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
  private static final Map<String, String> PATTERNS = Map.of(
      "r50k_base", X50K_PATTERN,
      "p50k_base", X50K_PATTERN,
      "p50k_edit", X50K_PATTERN,
      "cl100k_base", Cl100kSplitter.PATTERN,
      "o200k_base", O200kSplitter.PATTERN);

  private Tokenizers() {}

  /** The split pattern of the built-in tiktoken encoding {@code encoding}. */
  static String pattern(String encoding) {
    return PATTERNS.get(encoding);
  }

  /** The tokenizer {@code spec} names. */
  public static Tokenizer open(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("no tokenizer given: name a tiktoken encoding (cl100k_base), or "
          + "tiktoken:PATH:ENCODING, hf:PATH or spm:PATH");
    }
    try {
      if (spec.startsWith("hf:")) {
        return HuggingFaceTokenizerFile.open(existing(spec.substring(3)));
      }
      if (spec.startsWith("spm:")) {
        return SentencePieceTokenizer.open(existing(spec.substring(4)));
      }
      if (spec.startsWith("tiktoken:")) {
        int colon = spec.lastIndexOf(':');
        String encoding = spec.substring(colon + 1);
        if (colon <= "tiktoken:".length() - 1 || !PATTERNS.containsKey(encoding) && !encoding.equals("llama3")) {
          throw new IllegalArgumentException("tiktoken:PATH:ENCODING names the encoding whose pattern and special "
              + "tokens the rank file takes (" + String.join(", ", PATTERNS.keySet().stream().sorted().toList())
              + ", llama3), got '" + spec + "'");
        }
        Path ranks = existing(spec.substring("tiktoken:".length(), colon));
        if (encoding.equals("llama3")) {
          try (InputStream in = Files.newInputStream(ranks)) {
            return TiktokenTokenizer.llama3(ranks.toString(), in);
          }
        }
        TiktokenTokenizer builtIn = TiktokenTokenizer.builtIn(encoding);
        try (InputStream in = Files.newInputStream(ranks)) {
          return TiktokenTokenizer.fromRankFile(ranks.toString(), in, PATTERNS.get(encoding), builtIn.specials(),
              "<|endoftext|>", null);
        }
      }
      return TiktokenTokenizer.builtIn(spec);
    } catch (IOException e) {
      throw new UncheckedIOException("tokenizer " + spec + ": cannot read it: " + e.getMessage(), e);
    }
  }

  /**
   * A checksum of what {@code spec} names, for a manifest to pin: the SHA-256 of the tokenizer file, or for a
   * built-in encoding the SHA-256 of the text of every id below 2^18 (its whole vocabulary), so that a library
   * upgrade that changed an encoding would show.
   */
  public static String checksum(String spec) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path file = file(spec);
    if (file != null) {
      try (InputStream in = Files.newInputStream(existing(file.toString()))) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("tokenizer " + spec + ": cannot read it: " + e.getMessage(), e);
      }
    } else {
      try (Tokenizer tokenizer = open(spec)) {
        for (int id = 0; id < 1 << 18; id++) {
          String text;
          try {
            text = tokenizer.decode(new int[] {id});
          } catch (RuntimeException e) {
            text = "\u0000unknown";
          }
          sha.update(text.getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 0);
        }
      }
    }
    return "sha256:" + HexFormat.of().formatHex(sha.digest());
  }

  /** The file a spec names, or null for a built-in encoding. */
  public static Path file(String spec) {
    if (spec.startsWith("hf:")) {
      return Path.of(spec.substring(3));
    }
    if (spec.startsWith("spm:")) {
      return Path.of(spec.substring(4));
    }
    if (spec.startsWith("tiktoken:")) {
      return Path.of(spec.substring("tiktoken:".length(), spec.lastIndexOf(':')));
    }
    return null;
  }

  private static Path existing(String path) {
    Path file = Path.of(path);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("tokenizer file " + path + ": no such file");
    }
    return file;
  }
}

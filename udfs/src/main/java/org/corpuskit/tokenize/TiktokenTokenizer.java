package org.corpuskit.tokenize;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A byte-pair encoding in OpenAI's tiktoken format, encoded by jtokkit: one of the built-in encodings
 * (r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base), or a rank file ({@code base64-token rank} per
 * line, as {@code cl100k_base.tiktoken} or Llama 3's {@code tokenizer.model}) with its split pattern and special
 * tokens. The built-in encodings end documents with their {@code <|endoftext|>} token and begin none; their
 * special tokens are those tiktoken defines for them ({@code tiktoken_ext/openai_public.py}).
 *
 * <p>cl100k_base, o200k_base and rank files split by their patterns (Llama 3's) are encoded by our own encoder,
 * the others by jtokkit; both give tiktoken's ids. Thread-safe: jtokkit's encodings are, and our encoder's only
 * mutable state is a cache whose slots are written a whole immutable entry at a time.
 */
public final class TiktokenTokenizer implements Tokenizer {
  private static final String END_OF_TEXT = "<|endoftext|>";
  private static final Map<String, Map<String, Integer>> BUILT_IN_SPECIALS = Map.of(
      "r50k_base", Map.of(END_OF_TEXT, 50256),
      "p50k_base", Map.of(END_OF_TEXT, 50256),
      "p50k_edit", Map.of(END_OF_TEXT, 50256, "<|fim_prefix|>", 50281, "<|fim_middle|>", 50282,
          "<|fim_suffix|>", 50283),
      "cl100k_base", Map.of(END_OF_TEXT, 100257, "<|fim_prefix|>", 100258, "<|fim_middle|>", 100259,
          "<|fim_suffix|>", 100260, "<|endofprompt|>", 100276),
      "o200k_base", Map.of(END_OF_TEXT, 199999, "<|endofprompt|>", 200018));

  private static final Map<String, TiktokenTokenizer> BUILT_IN = new ConcurrentHashMap<>();

  private final String name;
  private final Encoding encoding;
  private final BytePairRanks ranks;
  private final Splitter splitter;
  private final Map<String, Integer> specials;
  private final Pattern specialPattern;
  private final OptionalInt eos;
  private final OptionalInt bos;
  private final boolean metaChunks;

  /** Where the piece that starts at {@code start} ends, by an encoding's split pattern. */
  private interface Splitter {
    int pieceEnd(String text, int start);
  }

  private TiktokenTokenizer(String name, Encoding encoding, BytePairRanks ranks, Splitter splitter,
      Map<String, Integer> specials, OptionalInt eos, OptionalInt bos, boolean metaChunks) {
    this.name = name;
    this.metaChunks = metaChunks;
    this.encoding = encoding;
    this.ranks = ranks;
    this.splitter = splitter;
    this.specials = Map.copyOf(specials);
    this.specialPattern = specials.isEmpty() ? null : Pattern.compile(String.join("|",
        specials.keySet().stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()));
    this.eos = eos;
    this.bos = bos;
  }

  /**
   * A built-in encoding by its tiktoken name; "gpt2" is r50k_base. Loaded once per JVM and shared: reading an
   * encoding's vocabulary takes a few hundred milliseconds, which a task per file would otherwise pay each time.
   */
  public static TiktokenTokenizer builtIn(String name) {
    EncodingType type = EncodingType.fromName(name.equals("gpt2") ? "r50k_base" : name)
        .orElseThrow(() -> new IllegalArgumentException("no built-in tiktoken encoding '" + name + "'; built in: "
            + String.join(", ", Arrays.stream(EncodingType.values()).map(EncodingType::getName).toList())));
    return BUILT_IN.computeIfAbsent(name, key -> load(key, type));
  }

  private static TiktokenTokenizer load(String name, EncodingType type) {
    Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
    Map<String, Integer> specials = BUILT_IN_SPECIALS.get(type.getName());
    Splitter splitter = splitter(Tokenizers.pattern(type.getName()));
    BytePairRanks ranks = splitter == null ? null : builtInRanks(type);
    return new TiktokenTokenizer(name, encoding, ranks, splitter, specials, OptionalInt.of(specials.get(END_OF_TEXT)),
        OptionalInt.empty(), false);
  }

  /** Our own splitter for {@code pattern}, or null when jtokkit's regular expression must split it. */
  private static Splitter splitter(String pattern) {
    if (pattern.equals(Cl100kSplitter.PATTERN)) {
      return Cl100kSplitter::pieceEnd;
    }
    return pattern.equals(O200kSplitter.PATTERN) ? O200kSplitter::pieceEnd : null;
  }

  /** The rank file jtokkit ships for {@code type}, the very one its own encoder reads. */
  private static BytePairRanks builtInRanks(EncodingType type) {
    String file = type.getName() + ".tiktoken";
    try (InputStream in = Encodings.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("jtokkit no longer ships " + file + " beside " + Encodings.class.getName());
      }
      return new BytePairRanks(readRanks(type.getName(), in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read jtokkit's " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A rank file's encoding.
   *
   * @param name the encoding's name
   * @param ranks the rank file: per line a token's bytes in base64, a space, its rank
   * @param pattern the regular expression that splits text before merging
   * @param specials the special tokens by spelling and id, none of them a rank of the file
   * @param eosToken the special token ending documents, or null for none
   * @param bosToken the special token beginning documents, or null for none
   */
  public static TiktokenTokenizer fromRankFile(String name, InputStream ranks, String pattern,
      Map<String, Integer> specials, String eosToken, String bosToken) throws IOException {
    Pattern compiled = compile(name, pattern);
    return of(name, readRanks(name, ranks), compiled, specials, eosToken, bosToken, false);
  }

  /**
   * Llama 3's encoding from its {@code tokenizer.model} rank file: cl100k's split pattern, and its special
   * tokens numbered from the end of the ranks, as Meta's tokenizer numbers them. Documents begin with
   * {@code <|begin_of_text|>} and end with {@code <|end_of_text|>}. Only the specials that every Llama 3
   * release places alike are defined; the reserved ones were renamed between 3.0 and 3.1, and encoding a
   * document never gives them.
   */
  public static TiktokenTokenizer llama3(String name, InputStream ranks) throws IOException {
    Map<byte[], Integer> encoder = readRanks(name, ranks);
    int base = encoder.size();
    Map<String, Integer> specials = Map.of("<|begin_of_text|>", base, "<|end_of_text|>", base + 1,
        "<|start_header_id|>", base + 6, "<|end_header_id|>", base + 7, "<|eot_id|>", base + 9);
    return of(name, encoder, compile(name, Cl100kSplitter.PATTERN), specials, "<|end_of_text|>",
        "<|begin_of_text|>", true);
  }

  private static Pattern compile(String name, String pattern) {
    try {
      return Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(name + ": the split pattern does not compile: " + e.getDescription(), e);
    }
  }

  private static TiktokenTokenizer of(String name, Map<byte[], Integer> encoder, Pattern pattern,
      Map<String, Integer> specials, String eosToken, String bosToken, boolean metaChunks) {
    Set<Integer> ranks = new HashSet<>(encoder.values());
    specials.forEach((token, id) -> {
      if (ranks.contains(id)) {
        throw new IllegalArgumentException(name + ": special token " + token + " has id " + id + ", which the "
            + "rank file gives an ordinary token, so these special tokens are not this file's (Llama 3's "
            + "tokenizer.model takes tiktoken:PATH:llama3)");
      }
    });
    EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
    registry.registerGptBytePairEncoding(new GptBytePairEncodingParams(name, pattern, encoder, specials));
    Encoding encoding = registry.getEncoding(name).orElseThrow();
    Splitter splitter = splitter(pattern.pattern());
    return new TiktokenTokenizer(name, encoding, splitter == null ? null : new BytePairRanks(encoder), splitter,
        specials, special(name, specials, eosToken), special(name, specials, bosToken), metaChunks);
  }

  private static OptionalInt special(String name, Map<String, Integer> specials, String token) {
    if (token == null) {
      return OptionalInt.empty();
    }
    Integer id = specials.get(token);
    if (id == null) {
      throw new IllegalArgumentException(name + ": " + token + " is not one of its special tokens");
    }
    return OptionalInt.of(id);
  }

  private static Map<byte[], Integer> readRanks(String name, InputStream in) throws IOException {
    Map<byte[], Integer> ranks = new LinkedHashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    int number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(" ");
      try {
        ranks.put(Base64.getDecoder().decode(parts[0]), Integer.parseInt(parts[1]));
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        throw new IllegalArgumentException(name + ": rank file line " + number + " is not 'base64-token rank': '"
            + (line.length() > 80 ? line.substring(0, 80) + "..." : line) + "'", e);
      }
    }
    if (ranks.isEmpty()) {
      throw new IllegalArgumentException(name + ": the rank file is empty");
    }
    return ranks;
  }

  @Override
  public String name() {
    return name;
  }

  /** The special tokens by spelling. */
  public Map<String, Integer> specials() {
    return specials;
  }

  @Override
  public int[] encode(String text) {
    if (metaChunks) {
      BytePairRanks.Ids ids = new BytePairRanks.Ids(text.length() / 3);
      for (int[] piece : MetaChunks.of(text)) {
        ids.addAll(encodeOne(text.substring(piece[0], piece[1])));
      }
      return ids.toArray();
    }
    return encodeOne(text);
  }

  private int[] encodeOne(String text) {
    return splitter == null ? encoding.encodeOrdinary(text).toArray() : encodeSplit(text);
  }

  /**
   * Our own encoder for cl100k's and o200k's split patterns, the same ids as jtokkit's at about twice its speed:
   * pieces cut without a regular expression, and a piece that is one token (most words) found by one hash
   * lookup of its UTF-8 bytes.
   */
  private int[] encodeSplit(String text) {
    BytePairRanks.Ids ids = new BytePairRanks.Ids(text.length() / 3);
    byte[] piece = new byte[64];
    for (int start = 0, end; start < text.length(); start = end) {
      end = splitter.pieceEnd(text, start);
      if ((end - start) * 3 > piece.length) {
        piece = new byte[Math.max((end - start) * 3, piece.length * 2)];
      }
      ranks.merge(piece, utf8(text, start, end, piece), ids);
    }
    return ids.toArray();
  }

  /**
   * Writes {@code text[from, to)} as UTF-8 and returns its length. An unpaired surrogate, which UTF-8 cannot
   * hold, becomes U+FFFD, as tiktoken replaces it (jtokkit refuses the whole text).
   */
  private static int utf8(String text, int from, int to, byte[] out) {
    int length = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out[length++] = (byte) c;
      } else if (c < 0x800) {
        out[length++] = (byte) (0xc0 | c >> 6);
        out[length++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        out[length++] = (byte) (0xf0 | cp >> 18);
        out[length++] = (byte) (0x80 | cp >> 12 & 0x3f);
        out[length++] = (byte) (0x80 | cp >> 6 & 0x3f);
        out[length++] = (byte) (0x80 | cp & 0x3f);
      } else if (Character.isSurrogate(c)) {
        out[length++] = (byte) 0xef;
        out[length++] = (byte) 0xbf;
        out[length++] = (byte) 0xbd;
      } else {
        out[length++] = (byte) (0xe0 | c >> 12);
        out[length++] = (byte) (0x80 | c >> 6 & 0x3f);
        out[length++] = (byte) (0x80 | c & 0x3f);
      }
    }
    return length;
  }

  /**
   * The ids of {@code text} with special tokens' spellings encoded as those tokens, as tiktoken's
   * {@code allowed_special="all"} does: for prompts and tests, never for documents.
   */
  public int[] encodeWithSpecials(String text) {
    if (specialPattern == null) {
      return encode(text);
    }
    BytePairRanks.Ids out = new BytePairRanks.Ids(text.length() / 3);
    Matcher matcher = specialPattern.matcher(text);
    int at = 0;
    while (matcher.find()) {
      out.addAll(encode(text.substring(at, matcher.start())));
      out.add(specials.get(matcher.group()));
      at = matcher.end();
    }
    out.addAll(encode(text.substring(at)));
    return out.toArray();
  }

  @Override
  public String decode(int[] ids) {
    IntArrayList list = new IntArrayList(ids.length);
    for (int id : ids) {
      list.add(id);
    }
    return encoding.decode(list);
  }

  @Override
  public OptionalInt eos() {
    return eos;
  }

  @Override
  public OptionalInt bos() {
    return bos;
  }
}

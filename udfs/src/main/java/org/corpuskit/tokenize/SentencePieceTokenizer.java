package org.corpuskit.tokenize;

import ai.djl.sentencepiece.SpProcessor;
import ai.djl.sentencepiece.SpTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A SentencePiece model (Llama 2, Mistral), encoded by Google's sentencepiece library through DJL (its native
 * library ships inside DJL's jar). The end- and beginning-of-document ids are the model's own {@code eos_id} and
 * {@code bos_id}, read from its trainer spec (sentencepiece's defaults, 2 and 1, where the model leaves them
 * out; a negative id means none). Control symbols such as {@code </s>} are never produced from text, so a
 * document spelling them gets ordinary pieces.
 *
 * <p>Thread-safe for encoding and decoding, as the C++ processor is; close it to free the native model.
 */
public final class SentencePieceTokenizer implements Tokenizer {
  private final String name;
  private final SpTokenizer tokenizer;
  private final SpProcessor processor;
  private final OptionalInt eos;
  private final OptionalInt bos;

  private SentencePieceTokenizer(String name, SpTokenizer tokenizer, OptionalInt eos, OptionalInt bos) {
    this.name = name;
    this.tokenizer = tokenizer;
    this.processor = tokenizer.getProcessor();
    this.eos = eos;
    this.bos = bos;
  }

  /** Opens a {@code tokenizer.model}; a file that is not one is an error naming it. */
  public static SentencePieceTokenizer open(Path model) throws IOException {
    byte[] bytes = Files.readAllBytes(model);
    ModelIds ids;
    try {
      ids = ModelIds.of(bytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(model + ": not a SentencePiece model: " + e.getMessage(), e);
    }
    SpTokenizer tokenizer;
    try {
      tokenizer = new SpTokenizer(bytes);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(model + ": sentencepiece refuses it: " + e.getMessage(), e);
    }
    return new SentencePieceTokenizer(model.toString(), tokenizer, ids.eos(), ids.bos());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int[] encode(String text) {
    return processor.encode(text);
  }

  @Override
  public String decode(int[] ids) {
    return processor.decode(ids);
  }

  @Override
  public OptionalInt eos() {
    return eos;
  }

  @Override
  public OptionalInt bos() {
    return bos;
  }

  /** The piece of {@code id}, such as {@code </s>}. */
  public String piece(int id) {
    return processor.getToken(id);
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  /**
   * The ids a model's {@code TrainerSpec} (field 2 of {@code ModelProto}) gives: {@code bos_id} (field 41) and
   * {@code eos_id} (42), read from the protocol-buffer wire format without the generated classes.
   */
  record ModelIds(OptionalInt bos, OptionalInt eos) {
    private static final int TRAINER_SPEC = 2;
    private static final int BOS_ID = 41;
    private static final int EOS_ID = 42;

    static ModelIds of(byte[] model) {
      Wire top = new Wire(model, 0, model.length);
      long bos = 1;
      long eos = 2;
      boolean pieces = false;
      while (top.more()) {
        long key = top.varint();
        int field = (int) (key >>> 3);
        pieces |= field == 1;
        if (field == TRAINER_SPEC && (key & 7) == 2) {
          int length = (int) top.varint();
          Wire spec = new Wire(model, top.at, top.at + length);
          while (spec.more()) {
            long specKey = spec.varint();
            int specField = (int) (specKey >>> 3);
            if ((specKey & 7) == 0 && (specField == BOS_ID || specField == EOS_ID)) {
              long value = (int) spec.varint();
              if (specField == BOS_ID) {
                bos = value;
              } else {
                eos = value;
              }
            } else {
              spec.skip(specKey);
            }
          }
          top.at += length;
        } else {
          top.skip(key);
        }
      }
      if (!pieces) {
        throw new IllegalArgumentException("it has no pieces");
      }
      return new ModelIds(bos < 0 ? OptionalInt.empty() : OptionalInt.of((int) bos),
          eos < 0 ? OptionalInt.empty() : OptionalInt.of((int) eos));
    }
  }

  /** A cursor over protocol-buffer wire format. */
  private static final class Wire {
    private final byte[] bytes;
    private final int end;
    private int at;

    Wire(byte[] bytes, int from, int end) {
      if (end > bytes.length || from > end) {
        throw new IllegalArgumentException("a field runs past the end of the file");
      }
      this.bytes = bytes;
      this.at = from;
      this.end = end;
    }

    boolean more() {
      return at < end;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at >= end) {
          throw new IllegalArgumentException("a number runs past the end of the file");
        }
        byte b = bytes[at++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("a number longer than ten bytes");
    }

    void skip(long key) {
      switch ((int) (key & 7)) {
        case 0 -> varint();
        case 1 -> at += 8;
        case 2 -> {
          int length = (int) varint();
          at += length;
        }
        case 5 -> at += 4;
        default -> throw new IllegalArgumentException("wire type " + (key & 7) + " at byte " + at);
      }
      if (at > end) {
        throw new IllegalArgumentException("a field runs past the end of the file");
      }
    }
  }
}

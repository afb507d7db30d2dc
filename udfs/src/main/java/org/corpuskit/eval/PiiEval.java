package org.corpuskit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.corpuskit.filter.PiiRedactor;
import org.corpuskit.filter.PiiRedactor.Span;
import org.corpuskit.filter.PiiRedactor.Type;

/**
 * Precision and recall of {@link PiiRedactor} per type on presidio-research's synthetic records (a JSON array
 * of {full_text, spans: [{entity_type, start_position, end_position}]}, offsets in code points). A found span
 * is right when it overlaps a gold span of the same type; a gold span is found when a found span of its type
 * overlaps it.
 */
public final class PiiEval {
  /** presidio's entity types for ours. */
  static final Map<String, Type> GOLD_TYPES = Map.of("EMAIL_ADDRESS", Type.EMAIL, "PHONE_NUMBER", Type.PHONE,
      "IP_ADDRESS", Type.IP, "CREDIT_CARD", Type.CREDIT_CARD, "IBAN_CODE", Type.IBAN, "US_SSN", Type.SSN);

  /** One type's counts. */
  public record Score(int found, int foundRight, int gold, int goldFound) {
    public double precision() {
      return found == 0 ? 1.0 : (double) foundRight / found;
    }

    public double recall() {
      return gold == 0 ? 1.0 : (double) goldFound / gold;
    }
  }

  private PiiEval() {}

  public static Map<Type, Score> score(Path presidioJson) {
    JsonNode records;
    try {
      records = new ObjectMapper().readTree(presidioJson.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + presidioJson, e);
    }
    Map<Type, int[]> counts = new EnumMap<>(Type.class);
    for (Type type : Type.values()) {
      counts.put(type, new int[4]);
    }
    for (JsonNode record : records) {
      String text = record.get("full_text").asText();
      List<Span> found = PiiRedactor.find(text);
      List<Span> gold = new java.util.ArrayList<>();
      for (JsonNode span : record.get("spans")) {
        Type type = GOLD_TYPES.get(span.get("entity_type").asText());
        if (type != null) {
          gold.add(new Span(type, text.offsetByCodePoints(0, span.get("start_position").asInt()),
              text.offsetByCodePoints(0, span.get("end_position").asInt())));
        }
      }
      for (Span f : found) {
        int[] c = counts.get(f.type());
        c[0]++;
        c[1] += gold.stream().anyMatch(g -> overlaps(f, g)) ? 1 : 0;
      }
      for (Span g : gold) {
        int[] c = counts.get(g.type());
        c[2]++;
        c[3] += found.stream().anyMatch(f -> overlaps(f, g)) ? 1 : 0;
      }
    }
    Map<Type, Score> scores = new EnumMap<>(Type.class);
    counts.forEach((type, c) -> scores.put(type, new Score(c[0], c[1], c[2], c[3])));
    return scores;
  }

  private static boolean overlaps(Span a, Span b) {
    return a.type() == b.type() && a.start() < b.end() && b.start() < a.end();
  }
}

package org.corpuskit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corpuskit.filter.PiiFinder;
import org.corpuskit.filter.PiiFinder.Span;
import org.corpuskit.filter.PiiFinder.Type;

/**
 * Precision and recall of {@link PiiFinder} per type on labelled texts: presidio-research's records (a JSON array
 * of {full_text, spans: [{entity_type, start_position, end_position}]}) or JSON lines of the same, or of {text,
 * spans: [{type, start, end}]}; offsets in code points, as presidio writes them. Types are presidio's names
 * (EMAIL_ADDRESS, PHONE_NUMBER, IP_ADDRESS, CREDIT_CARD, IBAN_CODE, US_SSN) or ours (email, phone, ip,
 * credit_card, iban, ssn); spans of other types are left out. A found span is right when it overlaps a gold span
 * of the same type; a gold span is matched when a found span of its type overlaps it. A file that cannot be
 * read, or a record without text and spans or with a span outside its text, is an IllegalArgumentException
 * naming it. Thread-safe: stateless.
 */
public final class PiiEval {
  /** presidio's entity types for ours. */
  static final Map<String, Type> GOLD_TYPES = Map.of("EMAIL_ADDRESS", Type.EMAIL, "PHONE_NUMBER", Type.PHONE,
      "IP_ADDRESS", Type.IP, "CREDIT_CARD", Type.CREDIT_CARD, "IBAN_CODE", Type.IBAN, "US_SSN", Type.SSN);

  /** One labelled text and its gold spans (char offsets). */
  public record Labelled(String text, List<Span> gold) {}

  /** One type's counts, or all types' together. */
  public record Score(int found, int foundRight, int gold, int goldFound) {
    public double precision() {
      return found == 0 ? 1.0 : (double) foundRight / found;
    }

    public double recall() {
      return gold == 0 ? 1.0 : (double) goldFound / gold;
    }

    Score plus(Score other) {
      return new Score(found + other.found, foundRight + other.foundRight, gold + other.gold,
          goldFound + other.goldFound);
    }
  }

  private PiiEval() {}

  /** The scores of every type on the labelled texts of {@code file}. */
  public static Map<Type, Score> score(Path file) {
    return score(read(file));
  }

  /** Every type's counts summed. */
  public static Score total(Map<Type, Score> scores) {
    return scores.values().stream().reduce(new Score(0, 0, 0, 0), Score::plus);
  }

  /** The labelled texts of a JSON array or JSON lines file, in either field naming. */
  public static List<Labelled> read(Path file) {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> records = new ArrayList<>();
    try {
      String content = Files.readString(file);
      if (content.stripLeading().startsWith("[")) {
        json.readTree(content).forEach(records::add);
      } else {
        for (String line : content.split("\n")) {
          if (!line.isBlank()) {
            records.add(json.readTree(line));
          }
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<Labelled> labelled = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      JsonNode text = record.has("full_text") ? record.get("full_text") : record.get("text");
      if (text == null || !text.isTextual() || !record.path("spans").isArray()) {
        throw new IllegalArgumentException(file.getFileName() + " record " + (i + 1) + ": needs a text (or "
            + "full_text) and a list of spans");
      }
      String value = text.asText();
      List<Span> gold = new ArrayList<>();
      for (JsonNode span : record.get("spans")) {
        Type type = type(span.has("entity_type") ? span.get("entity_type").asText() : span.path("type").asText());
        int start = (span.has("start_position") ? span.get("start_position") : span.path("start")).asInt();
        int end = (span.has("end_position") ? span.get("end_position") : span.path("end")).asInt();
        int points = value.codePointCount(0, value.length());
        if (start < 0 || end < start || end > points) {
          throw new IllegalArgumentException(file.getFileName() + " record " + (i + 1) + ": a span from " + start
              + " to " + end + " outside the text's " + points + " code points");
        }
        if (type != null) {
          gold.add(new Span(type, value.offsetByCodePoints(0, start), value.offsetByCodePoints(0, end)));
        }
      }
      labelled.add(new Labelled(value, gold));
    }
    return labelled;
  }

  /** The scores of every type on {@code texts}. */
  public static Map<Type, Score> score(List<Labelled> texts) {
    Map<Type, int[]> counts = new EnumMap<>(Type.class);
    for (Type type : Type.values()) {
      counts.put(type, new int[4]);
    }
    for (Labelled labelled : texts) {
      List<Span> found = PiiFinder.find(labelled.text());
      for (Span f : found) {
        int[] c = counts.get(f.type());
        c[0]++;
        c[1] += labelled.gold().stream().anyMatch(g -> overlaps(f, g)) ? 1 : 0;
      }
      for (Span g : labelled.gold()) {
        int[] c = counts.get(g.type());
        c[2]++;
        c[3] += found.stream().anyMatch(f -> overlaps(f, g)) ? 1 : 0;
      }
    }
    Map<Type, Score> scores = new EnumMap<>(Type.class);
    counts.forEach((type, c) -> scores.put(type, new Score(c[0], c[1], c[2], c[3])));
    return scores;
  }

  /** The scores as the command prints them: a line per type, then all together. */
  public static String table(Map<Type, Score> scores) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %6s %6s %6s %8s %9s %7s%n", "type",
        "found", "right", "gold", "matched", "precision", "recall"));
    scores.forEach((type, s) -> out.append(line(type.key(), s)));
    return out.append(line("all", total(scores))).toString();
  }

  private static String line(String name, Score s) {
    return String.format(Locale.ROOT, "%-12s %6d %6d %6d %8d %9s %7s%n", name, s.found(), s.foundRight(),
        s.gold(), s.goldFound(), s.found() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", s.precision()),
        s.gold() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", s.recall()));
  }

  private static Type type(String name) {
    Type presidio = GOLD_TYPES.get(name);
    if (presidio != null) {
      return presidio;
    }
    try {
      return Type.of(name.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean overlaps(Span a, Span b) {
    return a.type() == b.type() && a.start() < b.end() && b.start() < a.end();
  }
}

package org.corpuskit.filter;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds personal data: e-mail addresses, IPv4 and IPv6 addresses, credit card numbers, IBANs, US social security
 * numbers and phone numbers. Candidates come from RE2/J patterns, which match in time linear in the text whatever
 * it holds, run only on the stretches of text where a match can be ({@link Window}); each is then checked in
 * code ({@link PiiChecks}: checksums, issuer prefixes, numbering plans, the number shapes that are not personal
 * data). Where spans overlap, the earlier type in {@link Type}'s order wins. Time is linear in the text (each
 * span is checked against its neighbours in a sorted map, so many spans cost n log n), and a run of text that
 * yields more than {@link #MOST_PER_RUN} candidates of one type is a table or a repetition, not a record of
 * people: it yields none. Thread-safe (no state).
 */
public final class PiiFinder {
  /** A piece of personal data: its type and its char offsets, end exclusive. */
  public record Span(Type type, int start, int end) {}

  /** The types found, in the order that decides overlaps, with their default placeholders. */
  public enum Type {
    EMAIL("<EMAIL>"), IBAN("<IBAN>"), CREDIT_CARD("<CREDIT_CARD>"), SSN("<SSN>"), IP("<IP_ADDRESS>"),
    PHONE("<PHONE>");

    private final String placeholder;

    Type(String placeholder) {
      this.placeholder = placeholder;
    }

    public String placeholder() {
      return placeholder;
    }

    /** What a candidate of this type must pass, for the documentation. */
    String rule() {
      return switch (this) {
        case EMAIL -> "an address of a name, `@` and a domain with a top-level part of letters";
        case IBAN -> "the IBAN checksum (mod 97) holds";
        case CREDIT_CARD -> "13 to 19 digits with a card issuer's prefix and length, and the Luhn checksum";
        case SSN -> "the SSA's rules: no area 000, 666 or 900-999, no group 00, no serial 0000, not a voided "
            + "number (078-05-1120, 219-09-9999, 123-45-6789), not part of a longer number";
        case IP -> "a valid IPv4 or IPv6 address, not a piece of a longer dotted number (OIDs, versions) nor "
            + "after a version's word, IPv6 of three groups or more outside code (`std::vector`)";
        case PHONE -> "7 to 15 digits; with a country code, a length its numbering plan has (libphonenumber); "
            + "without, not a date, year range, postal code, ISBN, dotted quad, SSN shape, four-digit groups, "
            + "pairs without a trunk 0 or a number after an identifier's word (order, invoice, licence...), and "
            + "a phone word before, an area code in brackets, dashes or dots, or three groups";
      };
    }

    /** Its name in the configuration and the spans: email, iban, credit_card, ssn, ip, phone. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code key}. */
    public static Type of(String key) {
      for (Type type : values()) {
        if (type.key().equals(key)) {
          return type;
        }
      }
      throw new IllegalArgumentException("no personal data type '" + key + "'; types: email, iban, credit_card, "
          + "ssn, ip, phone");
    }
  }

  /** Candidates of one type in one run of text above which the run yields none of that type. */
  static final int MOST_PER_RUN = 64;

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");
  private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\\b");
  private static final Pattern CARD = Pattern.compile("\\b[0-9](?:[ -]?[0-9]){12,18}\\b");
  private static final Pattern SSN = Pattern.compile("\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b");
  private static final Pattern IPV4 = Pattern.compile("\\b[0-9]{1,3}(?:\\.[0-9]{1,3}){3}\\b");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}");
  /**
   * An optional country code and area code, then groups of digits of any length (India writes 98765 43210,
   * Brazil 91234-5678) with a separator between them, so that a group is never cut inside its digits; the
   * checks decide how many digits and which groupings make a phone number.
   */
  private static final Pattern PHONE = Pattern.compile("(?:\\+[0-9]{1,3}[ .-]?)?(?:\\([0-9]{1,4}\\)[ .-]?)?[0-9]+"
      + "(?:[ .-][0-9]+){0,5}");

  private PiiFinder() {}

  /** Every type of personal data in {@code text}, public IP addresses only, in order, without overlaps. */
  public static List<Span> find(String text) {
    return find(text, EnumSet.allOf(Type.class), false);
  }

  /**
   * The personal data of {@code types} in {@code text}, in order, without overlaps; with {@code allIpAddresses},
   * private, loopback and documentation addresses too.
   */
  public static List<Span> find(String text, Set<Type> types, boolean allIpAddresses) {
    TreeMap<Integer, Span> found = new TreeMap<>();
    List<int[]> numbers = Window.NUMBER.in(text);
    PiiChecks checks = new PiiChecks(allIpAddresses);
    if (types.contains(Type.EMAIL)) {
      collect(found, text, Window.EMAIL.in(text), 0, EMAIL, Type.EMAIL, checks);
    }
    if (types.contains(Type.IBAN)) {
      collect(found, text, numbers, 2, IBAN, Type.IBAN, checks);
    }
    if (types.contains(Type.CREDIT_CARD)) {
      collect(found, text, numbers, 13, CARD, Type.CREDIT_CARD, checks);
    }
    if (types.contains(Type.SSN)) {
      collect(found, text, numbers, 9, SSN, Type.SSN, checks);
    }
    if (types.contains(Type.IP)) {
      collect(found, text, numbers, 4, IPV4, Type.IP, checks);
      collect(found, text, Window.IPV6.in(text), 0, IPV6, Type.IP, checks);
    }
    if (types.contains(Type.PHONE)) {
      collect(found, text, numbers, 7, PHONE, Type.PHONE, checks);
    }
    return new ArrayList<>(found.values());
  }

  /**
   * Where a pattern can match: the maximal runs of the characters its matches are made of around a character
   * every match has (an {@code @}, a digit, a colon). Patterns run on these runs only, each widened by one
   * character on both sides so that {@code \b} sees the same neighbours as in the whole text; a match is never
   * made of a character outside its run, so the matches are exactly those in the whole text, found at a
   * fraction of the cost: the scan looks for the required character alone and widens from there.
   */
  private enum Window {
    EMAIL("A-Za-z0-9._%+@-", '@'),
    NUMBER("0-9A-Z .()+-", '0'),
    IPV6("0-9A-Fa-f:", ':');

    /** Fewer digits than this make no credit card (13), SSN (9), phone number (7), IPv4 address (4) or IBAN. */
    private static final int MIN_DIGITS = 2;

    private final boolean[] member = new boolean[128];
    private final char required;

    Window(String members, char required) {
      for (int i = 0; i < members.length(); i++) {
        if (i + 2 < members.length() && members.charAt(i + 1) == '-') {
          for (char c = members.charAt(i); c <= members.charAt(i + 2); c++) {
            member[c] = true;
          }
          i += 2;
        } else {
          member[members.charAt(i)] = true;
        }
      }
      this.required = required;
    }

    /** The runs as {start, end, digits in the run} of the text to search, neighbours included. */
    List<int[]> in(String text) {
      List<int[]> runs = new ArrayList<>();
      for (int at = next(text, 0); at >= 0; ) {
        int start = at;
        while (start > 0 && isMember(text.charAt(start - 1))) {
          start--;
        }
        int end = at;
        int digits = 0;
        for (; end < text.length() && isMember(text.charAt(end)); end++) {
          digits += text.charAt(end) >= '0' && text.charAt(end) <= '9' ? 1 : 0;
        }
        if (this != NUMBER || digits >= MIN_DIGITS) {
          runs.add(new int[] {Math.max(0, start - 1), Math.min(text.length(), end + 1), digits});
        }
        at = next(text, end);
      }
      return runs;
    }

    private boolean isMember(char c) {
      return c < 128 && member[c];
    }

    /** Where the next required character is, from {@code from}; -1 when there is none. */
    private int next(String text, int from) {
      if (this != NUMBER) {
        return text.indexOf(required, from);
      }
      for (int i = from; i < text.length(); i++) {
        if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          return i;
        }
      }
      return -1;
    }
  }

  private static void collect(TreeMap<Integer, Span> found, String text, List<int[]> windows, int minDigits,
      Pattern pattern, Type type, PiiChecks checks) {
    List<Span> run = new ArrayList<>();
    for (int[] window : windows) {
      if (window[2] < minDigits) {
        continue;
      }
      run.clear();
      int candidates = 0;
      Matcher m = pattern.matcher(text.subSequence(window[0], window[1]));
      while (m.find() && ++candidates <= MOST_PER_RUN) {
        int start = window[0] + m.start();
        int end = window[0] + m.end();
        if (checks.valid(type, m.group(), text, start, end)) {
          run.add(new Span(type, start, end));
        }
      }
      if (candidates > MOST_PER_RUN) {
        continue;
      }
      for (Span span : run) {
        if (free(found, span.start(), span.end())) {
          found.put(span.start(), span);
        }
      }
    }
  }

  /** Whether [start, end) overlaps none of the spans found, which never overlap each other. */
  private static boolean free(TreeMap<Integer, Span> found, int start, int end) {
    Map.Entry<Integer, Span> before = found.floorEntry(start);
    Map.Entry<Integer, Span> after = found.ceilingEntry(start);
    return (before == null || before.getValue().end() <= start) && (after == null || after.getKey() >= end);
  }
}

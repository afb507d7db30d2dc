package org.corpuskit.filter;

import com.google.common.net.InetAddresses;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds personal data and replaces each piece with a typed placeholder: e-mail addresses, public IPv4 and IPv6
 * addresses, credit card numbers (Luhn-valid), IBANs (checksum-valid), US social security numbers (valid area,
 * group and serial) and phone numbers (7 to 15 digits, international formats). Candidates come from RE2/J
 * patterns, which match in time linear in the text whatever it holds, run only on the stretches of text where a
 * match can be ({@link Window}), and are then checked in code; where spans overlap, the earlier type in that list
 * wins. Time is linear in the text (each span is checked against its neighbours in a sorted map, so many spans
 * cost n log n). Thread-safe (no state).
 */
public final class PiiRedactor implements TextEditor {
  /** A piece of personal data: its type and its char offsets, end exclusive. */
  public record Span(Type type, int start, int end) {}

  /** The types found, in the order that decides overlaps, with their placeholders. */
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

    String signal() {
      return "pii_" + name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");
  private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\\b");
  private static final Pattern CARD = Pattern.compile("\\b[0-9](?:[ -]?[0-9]){12,18}\\b");
  private static final Pattern SSN = Pattern.compile("\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b");
  private static final Pattern IPV4 = Pattern.compile("\\b[0-9]{1,3}(?:\\.[0-9]{1,3}){3}\\b");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}");
  private static final int CUE_WINDOW = 30;
  private static final Pattern CUES = Pattern.compile(
      "(phone|tel|call|fax|mobile|cell|contact|reach|number|whatsapp|sms|telefon|téléphone|teléfono)");
  private static final Pattern ISO_DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern PHONE = Pattern.compile(
      "(?:\\+[0-9]{1,3}[ .-]?)?(?:\\([0-9]{1,4}\\)[ .-]?)?[0-9]{2,4}(?:[ .-]?[0-9]{2,4}){1,4}");

  @Override
  public String name() {
    return "pii";
  }

  @Override
  public List<Signal> signals() {
    List<Signal> signals = new ArrayList<>();
    for (Type type : Type.values()) {
      signals.add(Signal.count(type.signal(), "Pieces of personal data of type "
          + type.name().toLowerCase(Locale.ROOT) + " replaced by " + type.placeholder() + "."));
    }
    return signals;
  }

  @Override
  public String edit(FilterDoc doc, Signals out) {
    List<Span> spans = find(doc.text());
    int[] counts = new int[Type.values().length];
    StringBuilder text = new StringBuilder(doc.text().length());
    int at = 0;
    for (Span span : spans) {
      text.append(doc.text(), at, span.start()).append(span.type().placeholder());
      at = span.end();
      counts[span.type().ordinal()]++;
    }
    text.append(doc.text(), at, doc.text().length());
    for (Type type : Type.values()) {
      out.set(type.signal(), counts[type.ordinal()]);
    }
    return text.toString();
  }

  /** The personal data in {@code text}, in order, without overlaps. */
  public static List<Span> find(String text) {
    TreeMap<Integer, Span> found = new TreeMap<>();
    List<int[]> numbers = Window.NUMBER.in(text);
    collect(found, text, Window.EMAIL.in(text), 0, EMAIL, Type.EMAIL);
    collect(found, text, numbers, 2, IBAN, Type.IBAN);
    collect(found, text, numbers, 13, CARD, Type.CREDIT_CARD);
    collect(found, text, numbers, 9, SSN, Type.SSN);
    collect(found, text, numbers, 4, IPV4, Type.IP);
    collect(found, text, Window.IPV6.in(text), 0, IPV6, Type.IP);
    collect(found, text, numbers, 7, PHONE, Type.PHONE);
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
      Pattern pattern, Type type) {
    for (int[] window : windows) {
      if (window[2] < minDigits) {
        continue;
      }
      Matcher m = pattern.matcher(text.subSequence(window[0], window[1]));
      while (m.find()) {
        int start = window[0] + m.start();
        int end = window[0] + m.end();
        if (valid(type, m.group(), text, start) && free(found, start, end)) {
          found.put(start, new Span(type, start, end));
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

  /** Whether {@code candidate}, found at {@code start} of {@code text}, passes its type's checks. */
  private static boolean valid(Type type, String candidate, String text, int start) {
    return switch (type) {
      case EMAIL -> true;
      case IBAN -> ibanChecksum(candidate.replace(" ", ""));
      case CREDIT_CARD -> luhn(candidate.replaceAll("[ -]", ""));
      case SSN -> ssn(candidate);
      case IP -> publicAddress(candidate);
      case PHONE -> phone(candidate,
          text.substring(Math.max(0, start - CUE_WINDOW), start).toLowerCase(Locale.ROOT));
    };
  }

  /**
   * 7 to 15 digits, not a date (2020-06-20 14). A country code, an area code in brackets, or a word such as
   * "phone" or "call" just before makes it a phone number; otherwise its digits must be grouped by dashes or
   * dots, or by spaces in three groups or more: two space-separated groups are as often a house number and a
   * postal code.
   */
  private static boolean phone(String candidate, String before) {
    long digits = candidate.chars().filter(Character::isDigit).count();
    if (digits < 7 || digits > 15 || ISO_DATE.matcher(candidate).find()) {
      return false;
    }
    if (candidate.startsWith("+") || candidate.contains("(") || CUES.matcher(before).find()) {
      return true;
    }
    if (candidate.matches(".*[0-9][.-][0-9].*")) {
      return true;
    }
    return candidate.trim().split(" +").length >= 3;
  }

  static boolean luhn(String digits) {
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  static boolean ibanChecksum(String iban) {
    if (iban.length() < 15 || iban.length() > 34) {
      return false;
    }
    StringBuilder number = new StringBuilder();
    for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
      number.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(number.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  private static boolean ssn(String candidate) {
    int area = Integer.parseInt(candidate.substring(0, 3));
    return area != 0 && area != 666 && area < 900 && !candidate.startsWith("00", 4)
        && !candidate.endsWith("0000");
  }

  /** A valid address outside private, loopback, link-local, multicast and documentation ranges. */
  private static boolean publicAddress(String candidate) {
    if (!InetAddresses.isInetAddress(candidate)) {
      return false;
    }
    InetAddress address = InetAddresses.forString(candidate);
    if (address.isSiteLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isMulticastAddress() || address.isAnyLocalAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (b.length == 4) {
      int first24 = (b[0] & 0xff) << 16 | (b[1] & 0xff) << 8 | (b[2] & 0xff);
      return first24 != 0xc00002 && first24 != 0xc63364 && first24 != 0xcb0071;
    }
    boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
    boolean documentation = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d
        && (b[3] & 0xff) == 0xb8;
    return !uniqueLocal && !documentation;
  }
}

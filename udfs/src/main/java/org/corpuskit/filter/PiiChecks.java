package org.corpuskit.filter;

import com.google.common.net.InetAddresses;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.re2j.Pattern;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;
import org.corpuskit.filter.PiiFinder.Type;

/**
 * What a candidate must pass to count as personal data, beyond its pattern: the checksums of card numbers and
 * IBANs, card issuers' prefixes and lengths, the Social Security Administration's rules, address ranges, the
 * numbering plans of phone numbers written with a country code, and the shapes of numbers that are not personal
 * data though they look like it (dates, year ranges, ZIP+4 codes, ISBNs, order and invoice numbers, versions,
 * dotted quads, grouped tracking numbers, identifiers in code). Thread-safe: immutable (libphonenumber's
 * {@link PhoneNumberUtil} is thread-safe).
 */
final class PiiChecks {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final int CUE_WINDOW = 30;
  private static final Pattern PHONE_CUES = Pattern.compile(
      "(phone|tel|call|fax|mobile|cell|contact|reach|whatsapp|sms|telefon|téléphone|teléfono|ring|dial)");
  /** Words before a number that make it an identifier, not a phone number, unless a phone word is nearer. */
  private static final Pattern ID_CUES = Pattern.compile("(order|invoice|\\binv\\b|\\bref|ticket|tracking|"
      + "\\bcase\\b|serial|\\bsku|\\bpart\\b|model|\\bitem|isbn|issn|\\bdoi|build|version|patent|account|acct|"
      + "policy|receipt|transaction|confirmation|booking|licen[cs]e|passport|\\bzip|postal|postcode|\\bid\\b|"
      + "\\bno\\.|\\bnr\\.|#)[^0-9]{0,12}$");
  private static final Pattern DATE = Pattern.compile("^(?:[0-9]{4}[-./ ](?:0?[1-9]|1[0-2])[-./ ](?:0?[1-9]|[12][0-9]"
      + "|3[01])|(?:0?[1-9]|[12][0-9]|3[01])[-./ ](?:0?[1-9]|1[0-2])[-./ ][0-9]{4})(?:[^0-9]|$)");
  private static final Pattern YEAR_RANGE = Pattern.compile("^(?:1[89]|20)[0-9]{2} ?[-–] ?(?:1[89]|20)[0-9]{2}$");
  /** ZIP+4 (12345-6789), Brazil's CEP (12345-678) and Portugal's postal codes (1234-567). */
  private static final Pattern POSTAL = Pattern.compile("^(?:[0-9]{5}-[0-9]{3,4}|[0-9]{4}-[0-9]{3})$");
  private static final Pattern DOTTED_QUAD = Pattern.compile("^[0-9]{1,3}(?:\\.[0-9]{1,3}){3}$");
  private static final Pattern FOUR_BY_FOUR = Pattern.compile("^[0-9]{4}(?:[ -][0-9]{4}){2,3}$");
  /** A group of one digit: lists and counts (1 2 3 4 5 6 7), not a national phone number. */
  private static final Pattern ONE_DIGIT_GROUP = Pattern.compile("(?:^|[ .-])[0-9](?:[ .-]|$)");
  /** The shape of a social security number, which no phone number is written in. */
  private static final Pattern SSN_SHAPE = Pattern.compile("^[0-9]{3}-[0-9]{2}-[0-9]{4}$");
  /** Pairs of digits not led by a trunk 0 (06 12 34 56 78 is French): lottery draws, scores, tables. */
  private static final Pattern PAIRS = Pattern.compile("^[1-9][0-9](?: [0-9]{2})+$");
  /** Words before a dotted quad that make it a version or an object identifier. */
  private static final Pattern VERSION_CUES = Pattern.compile("(version|build|release|\\boid|attribute|\\bv)"
      + "[^0-9]{0,3}$");
  private static final Pattern ISBN13 = Pattern.compile("^97[89][- ]");
  /** Advertising and example numbers the SSA voided, and its example 123-45-6789. */
  private static final Set<String> VOIDED_SSNS = Set.of("078-05-1120", "219-09-9999", "123-45-6789");

  private final boolean allIpAddresses;

  PiiChecks(boolean allIpAddresses) {
    this.allIpAddresses = allIpAddresses;
  }

  /** Whether {@code candidate}, at [start, end) of {@code text}, passes its type's checks. */
  boolean valid(Type type, String candidate, String text, int start, int end) {
    return switch (type) {
      case EMAIL -> true;
      case IBAN -> ibanChecksum(candidate.replace(" ", ""));
      case CREDIT_CARD -> card(candidate.replaceAll("[ -]", ""));
      case SSN -> ssn(candidate) && !partOfLongerNumber(text, start, end);
      case IP -> candidate.contains(":") ? ipv6(candidate, text, start, end) : ipv4(candidate, text, start, end);
      case PHONE -> phone(candidate.strip(), text, start) && !partOfLongerNumber(text, start, end)
          && !(end < text.length() && Character.isDigit(text.charAt(end)));
    };
  }

  /**
   * Luhn-valid, with an issuer's prefix and a length it issues: Visa 4 (13, 16, 19 digits); Mastercard 51-55 and
   * 2221-2720 (16); American Express 34, 37 (15); JCB 35 (16-19) and its old 2131, 1800 (15); Diners 30, 36,
   * 38, 39 (14-19); Maestro 50, 56-58 and Discover, UnionPay, Maestro under 6 (12-19). Numbers under other
   * prefixes (0, 7, 8, 9...) are order and account numbers that pass Luhn by chance one time in ten.
   */
  static boolean card(String digits) {
    if (!luhn(digits)) {
      return false;
    }
    int length = digits.length();
    int two = Integer.parseInt(digits.substring(0, 2));
    int four = Integer.parseInt(digits.substring(0, 4));
    if (four == 2131 || four == 1800) {
      return length == 15;
    }
    return switch (digits.charAt(0)) {
      case '4' -> length == 13 || length == 16 || length == 19;
      case '5' -> two >= 51 && two <= 55 ? length == 16 : two == 50 || two >= 56;
      case '2' -> four >= 2221 && four <= 2720 && length == 16;
      case '3' -> two == 34 || two == 37 ? length == 15 : two == 35 ? length >= 16
          : (two == 30 || two == 36 || two == 38 || two == 39) && length >= 14;
      case '6' -> true;
      default -> false;
    };
  }

  static boolean luhn(String digits) {
    if (digits.length() < 12 || digits.length() > 19) {
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

  /** The SSA's rules: no area 000, 666 or 900-999, no group 00, no serial 0000, none of the voided numbers. */
  static boolean ssn(String candidate) {
    int area = Integer.parseInt(candidate.substring(0, 3));
    return area != 0 && area != 666 && area < 900 && !candidate.startsWith("00", 4)
        && !candidate.endsWith("0000") && !VOIDED_SSNS.contains(candidate);
  }

  /** An address, not a piece of a longer dotted number (an OID, a version), public unless all are wanted. */
  private boolean ipv4(String candidate, String text, int start, int end) {
    boolean dottedBefore = start >= 2 && text.charAt(start - 1) == '.' && Character.isDigit(text.charAt(start - 2));
    boolean dottedAfter = end + 1 < text.length() && text.charAt(end) == '.' && Character.isDigit(text.charAt(end + 1));
    String before = text.substring(Math.max(0, start - CUE_WINDOW), start).toLowerCase(Locale.ROOT);
    return !dottedBefore && !dottedAfter && !VERSION_CUES.matcher(before).find() && address(candidate);
  }

  /**
   * An address of three groups or more, not inside an identifier: {@code std::vector}, {@code a::b} and a
   * lone {@code ::} are code.
   */
  private boolean ipv6(String candidate, String text, int start, int end) {
    long groups = java.util.Arrays.stream(candidate.split(":")).filter(g -> !g.isEmpty()).count();
    boolean identifierBefore = start > 0 && isIdentifierChar(text.charAt(start - 1));
    boolean identifierAfter = end < text.length() && isIdentifierChar(text.charAt(end));
    return groups >= 3 && !identifierBefore && !identifierAfter && address(candidate);
  }

  private static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':';
  }

  private boolean address(String candidate) {
    if (!InetAddresses.isInetAddress(candidate)) {
      return false;
    }
    return allIpAddresses || publicAddress(InetAddresses.forString(candidate));
  }

  /** Outside private, loopback, link-local, multicast and documentation ranges. */
  private static boolean publicAddress(InetAddress address) {
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

  private static boolean partOfLongerNumber(String text, int start, int end) {
    boolean before = start >= 2 && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '.')
        && Character.isDigit(text.charAt(start - 2));
    boolean after = end + 1 < text.length() && (text.charAt(end) == '-' || text.charAt(end) == '.')
        && Character.isDigit(text.charAt(end + 1));
    return before || after;
  }

  /**
   * 7 to 15 digits. With a country code ({@code +} or {@code 00}), of a length that country's numbering plan
   * has. Without one, not a number of another kind: a date, a year range, a postal code (ZIP+4, CEP), an ISBN, a
   * dotted quad, an SSN's shape, four-digit groups (tracking and card-like numbers), pairs of digits without a
   * trunk 0 (lottery draws), a piece of an identifier ({@code INV-2023-004512}), or a number after an
   * identifier's word ("order", "invoice", "licence"...) with no phone word near. Then a phone word just before,
   * an area code in brackets, digits grouped by dashes or dots, or three space-separated groups make it a phone
   * number (two groups are as often a house number and a postal code).
   */
  private static boolean phone(String candidate, String text, int start) {
    long digits = candidate.chars().filter(Character::isDigit).count();
    if (digits < 7 || digits > 15) {
      return false;
    }
    if (start > 0 && (Character.isLetter(text.charAt(start - 1)) || start > 1
        && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '#')
        && Character.isLetterOrDigit(text.charAt(start - 2)))) {
      return false;
    }
    if (candidate.startsWith("+") || candidate.startsWith("00")) {
      return international(candidate);
    }
    if (ONE_DIGIT_GROUP.matcher(candidate).find()) {
      return false;
    }
    if (DATE.matcher(candidate).find() || YEAR_RANGE.matcher(candidate).find() || POSTAL.matcher(candidate).find()
        || DOTTED_QUAD.matcher(candidate).find() || ISBN13.matcher(candidate).find()
        || SSN_SHAPE.matcher(candidate).find()) {
      return false;
    }
    String before = text.substring(Math.max(0, start - CUE_WINDOW), start).toLowerCase(Locale.ROOT);
    boolean phoneWord = PHONE_CUES.matcher(before).find();
    if (!phoneWord && (ID_CUES.matcher(before).find() || FOUR_BY_FOUR.matcher(candidate).find()
        || PAIRS.matcher(candidate).find())) {
      return false;
    }
    if (phoneWord || candidate.startsWith("(")) {
      return true;
    }
    if (candidate.matches(".*[0-9][.-][0-9].*")) {
      return true;
    }
    return candidate.split(" +").length >= 3;
  }

  /**
   * A country code libphonenumber knows, and a number of a length that country's plan has. Lengths, not the
   * plan's full patterns: pages (and synthetic test sets) write numbers in ranges no operator has been given.
   */
  private static boolean international(String candidate) {
    String number = (candidate.startsWith("00") ? "+" + candidate.substring(2) : candidate).replace("(0)", "");
    try {
      return PHONES.isPossibleNumber(PHONES.parse(number, "ZZ"));
    } catch (NumberParseException e) {
      return false;
    }
  }
}

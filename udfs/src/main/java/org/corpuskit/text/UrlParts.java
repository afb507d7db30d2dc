package org.corpuskit.text;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host and registered domain of a URL. The registered domain is the label just under the public suffix, from the
 * Public Suffix List as Guava embeds it ({@code example.co.uk}): with its private section by default, so that
 * every {@code *.github.io} or {@code *.blogspot.com} site is a domain of its own, or with the ICANN section
 * only ({@link Suffixes#ICANN}), where they are all {@code github.io}. A host under a suffix the list does not
 * know (a reserved TLD such as {@code .example}, an intranet name) keeps its last two labels; IP
 * addresses and single labels are their own registered domain. Never throws on bad URLs: it returns empty
 * strings. Thread-safe.
 */
public final class UrlParts {
  private static final Pattern IP_ADDRESS = Pattern.compile("^[0-9.]+$|^\\[?[0-9a-f:]+\\]?$");
  private static final Pattern HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?(\\[[^\\]/?#]*\\]|[^:/?#]+)");

  private UrlParts() {}

  /** Which sections of the Public Suffix List count as suffixes. */
  public enum Suffixes {
    /** ICANN and private suffixes: {@code alice.github.io} is registered under {@code github.io}. */
    ALL,
    /** ICANN suffixes only: {@code alice.github.io} belongs to {@code github.io}. */
    ICANN
  }

  /** The URL's host, lower case, without a trailing dot; empty when there is none. */
  public static String host(String url) {
    if (url == null) {
      return "";
    }
    Matcher m = HOST.matcher(url.strip());
    if (!m.find()) {
      return "";
    }
    String host = m.group(1).toLowerCase(Locale.ROOT);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /** The registered domain of a host; the host itself when it has none. */
  public static String registeredDomain(String host, Suffixes suffixes) {
    if (host == null || host.isEmpty()) {
      return "";
    }
    if (IP_ADDRESS.matcher(host).matches()) {
      return host;
    }
    try {
      InternetDomainName name = InternetDomainName.from(host);
      boolean all = suffixes == Suffixes.ALL;
      if (all ? name.isUnderPublicSuffix() : name.isUnderRegistrySuffix()) {
        return (all ? name.topPrivateDomain() : name.topDomainUnderRegistrySuffix()).toString();
      }
      if (all ? name.isPublicSuffix() : name.isRegistrySuffix()) {
        return host;
      }
    } catch (IllegalArgumentException e) {
      return host;
    }
    int last = host.lastIndexOf('.');
    int previous = last <= 0 ? -1 : host.lastIndexOf('.', last - 1);
    return previous < 0 ? host : host.substring(previous + 1);
  }
}

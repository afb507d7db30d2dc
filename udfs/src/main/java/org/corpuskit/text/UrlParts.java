package org.corpuskit.text;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host and registered domain of a URL. The registered domain is the label just under the public suffix, from the
 * Public Suffix List's ICANN section as Guava embeds it ({@code example.co.uk}). A host under a suffix the list
 * does not know (a reserved TLD such as {@code .example}, an intranet name) keeps its last two labels; IP
 * addresses and single labels are their own registered domain. Never throws on bad URLs: it returns empty
 * strings. Thread-safe.
 */
public final class UrlParts {
  private static final Pattern IP_ADDRESS = Pattern.compile("^[0-9.]+$|^\\[?[0-9a-f:]+\\]?$");
  private static final Pattern HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?(\\[[^\\]/?#]*\\]|[^:/?#]+)");

  private UrlParts() {}

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
  public static String registeredDomain(String host) {
    if (host == null || host.isEmpty()) {
      return "";
    }
    if (IP_ADDRESS.matcher(host).matches()) {
      return host;
    }
    try {
      InternetDomainName name = InternetDomainName.from(host);
      if (name.isUnderRegistrySuffix()) {
        return name.topDomainUnderRegistrySuffix().toString();
      }
      if (name.isRegistrySuffix()) {
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

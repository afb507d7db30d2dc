package org.corpuskit.filter;

import com.google.re2j.Pattern;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.corpuskit.text.UrlParts;

/**
 * URL blocklists in UT1's format (one folder per category holding {@code domains}, {@code urls} and
 * {@code expressions} files). A host matches a listed domain when it is that domain or under it, as squidGuard
 * reads UT1 ({@code www.casino.example} matches {@code casino.example}); a URL matches a listed URL when its
 * host and path start with it, without scheme; an expression is a regular expression over the URL, run by RE2/J
 * so that no URL makes it slow. Lookups cost one hash probe per label of the host plus the expressions, linear
 * in the URL. Immutable and thread-safe once built.
 */
public final class UrlBlocklist implements Tagger, Serializable {
  private static final long serialVersionUID = 1L;
  private static final String SOURCE = "UT1 blacklists (Université Toulouse 1), squidGuard matching";

  public static final List<Rule> RULES = List.of(Rule.above("url_blocklisted", "url_blocklisted", 0, SOURCE));

  private final HashMap<String, String> domains = new HashMap<>();
  private final HashMap<String, String> urls = new HashMap<>();
  private final ArrayList<String> expressionCategories = new ArrayList<>();
  private final ArrayList<Pattern> expressions = new ArrayList<>();

  /** An empty list: blocks nothing. Fill it with {@link #add}. */
  public UrlBlocklist() {}

  /**
   * Adds the lines of one UT1 file; blank lines and {@code #} comments are skipped.
   *
   * @param category the UT1 category (its folder name), reported on a match
   * @param kind the file's name: domains, urls, expressions or very_restrictive_expression
   * @throws IllegalArgumentException for another kind, or an expression RE2 cannot compile (with the line)
   */
  public UrlBlocklist add(String category, String kind, Iterable<String> lines) {
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      switch (kind) {
        case "domains" -> domains.putIfAbsent(line.toLowerCase(Locale.ROOT), category);
        case "urls" -> urls.putIfAbsent(withoutScheme(line.toLowerCase(Locale.ROOT)), category);
        case "expressions", "very_restrictive_expression" -> {
          try {
            expressions.add(Pattern.compile(line));
            expressionCategories.add(category);
          } catch (RuntimeException e) {
            throw new IllegalArgumentException(category + "/" + kind + " line " + number + ": " + e.getMessage(), e);
          }
        }
        default -> throw new IllegalArgumentException("not a UT1 list file: " + kind
            + " (expected domains, urls, expressions or very_restrictive_expression)");
      }
    }
    return this;
  }

  @Override
  public String name() {
    return "url_blocklist";
  }

  @Override
  public List<Signal> signals() {
    return List.of(
        Signal.count("url_blocklisted", "1 when the URL is on a blocklist (domain, URL or expression), else 0."),
        new Signal("url_blocklist_category", Signal.Type.STRING, "The blocklist category that matched, or empty."));
  }

  @Override
  public void tag(FilterDoc doc, Signals out) {
    String category = category(doc.url());
    out.set("url_blocklisted", category.isEmpty() ? 0 : 1).set("url_blocklist_category", category);
  }

  /** The category of the first list that matches {@code url}, or empty. */
  String category(String url) {
    String host = UrlParts.host(url);
    for (String domain = host; !domain.isEmpty(); domain = parent(domain)) {
      String category = domains.get(domain);
      if (category != null) {
        return category;
      }
    }
    String bare = withoutScheme(url.toLowerCase(Locale.ROOT));
    for (int slash = bare.indexOf('/'); slash >= 0; slash = bare.indexOf('/', slash + 1)) {
      String category = urls.get(bare.substring(0, slash));
      if (category != null) {
        return category;
      }
    }
    String category = urls.get(bare);
    if (category != null) {
      return category;
    }
    for (int i = 0; i < expressions.size(); i++) {
      if (expressions.get(i).matcher(bare).find()) {
        return expressionCategories.get(i);
      }
    }
    return "";
  }

  private static String parent(String domain) {
    int dot = domain.indexOf('.');
    return dot < 0 ? "" : domain.substring(dot + 1);
  }

  private static String withoutScheme(String url) {
    int scheme = url.indexOf("://");
    String rest = scheme >= 0 ? url.substring(scheme + 3) : url;
    return rest.startsWith("www.") ? rest.substring(4) : rest;
  }
}

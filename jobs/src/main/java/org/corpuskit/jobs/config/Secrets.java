package org.corpuskit.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of everything the project writes or prints. A setting whose key names a secret (a
 * password, token, credential, access or secret key, session token, private or account key, SAS or encryption
 * key: S3A's, GCS's and Azure's names, per bucket or account too) is shown as {@value #MASK}; so is the user
 * part of a URL ({@code s3a://KEY:SECRET@bucket/}). The values of such settings are remembered when a
 * configuration is loaded, so that a message that quotes one (an exception from Spark or Hadoop) is masked too.
 *
 * <p>Thread-safe.
 */
public final class Secrets {
  public static final String MASK = "*****";

  // "token" only at the end (session.token, access_token, HF_TOKEN), so that tokenizer and min_tokens are not.
  private static final Pattern SECRET_KEY = Pattern.compile("(?i)(secret|password|passwd|token$|credential"
      + "|access[._-]?key|api[._-]?key|session[._-]?(key|id)|private[._-]?key|account[._-]?key"
      + "|(^|[._-])sas([._-]|$)|encryption[._-]?key$|signature)");
  /**
   * Keys that name where credentials come from or how they are handled, not credentials: worth seeing when a login
   * fails.
   */
  private static final Pattern NOT_A_SECRET = Pattern.compile("(?i)(provider(\\.path)?|providers|keyprovider.*"
      + "|\\.type|\\.expiry|\\.duration|\\.enabled|keysizebits|algorithm)$");
  /** A URL with a scheme, up to white space or a quote. */
  private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s\"'<>]+");
  /** A query parameter that carries a credential: a signature, a security token, a key. */
  private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)([?&](sig|signature|x-amz-signature"
      + "|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|token|access_token|key|apikey"
      + "|api_key|code)=)[^&#]*");
  /** Values shorter than this are not searched for in messages: they would mask ordinary words. */
  private static final int MIN_REMEMBERED = 8;
  private static final Set<String> REMEMBERED = ConcurrentHashMap.newKeySet();

  private Secrets() {}

  /** Whether a setting named {@code key} holds a secret. */
  public static boolean isSecretKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return SECRET_KEY.matcher(lower).find() && !NOT_A_SECRET.matcher(lower).find();
  }

  /** A copy of {@code tree} with every secret value masked and the user part of every URL removed. */
  public static JsonNode redacted(JsonNode tree) {
    JsonNode copy = tree.deepCopy();
    redact(copy);
    return copy;
  }

  private static void redact(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (isSecretKey(field.getKey()) && field.getValue().isValueNode() && !field.getValue().isNull()) {
          field.setValue(TextNode.valueOf(MASK));
        } else if (field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(scrub(field.getValue().asText())));
        } else {
          redact(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(scrub(array.get(i).asText())));
        } else {
          redact(array.get(i));
        }
      }
    }
  }

  /** Remembers the values under secret keys of {@code tree}, so that {@link #scrub} masks them in messages. */
  public static void remember(JsonNode tree) {
    if (tree instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> {
        if (isSecretKey(field.getKey()) && field.getValue().isTextual()) {
          remember(field.getValue().asText());
        } else {
          remember(field.getValue());
        }
      });
    } else if (tree instanceof ArrayNode array) {
      array.forEach(Secrets::remember);
    }
  }

  private static String scrubUrl(String url) {
    int authority = url.indexOf("://") + 3;
    int at = url.lastIndexOf('@');
    String masked = at > authority ? url.substring(0, authority) + MASK + url.substring(at) : url;
    return CREDENTIAL_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
  }

  /** Remembers one secret value. */
  public static void remember(String value) {
    if (value != null && value.length() >= MIN_REMEMBERED) {
      REMEMBERED.add(value);
    }
  }

  /**
   * {@code text} with every remembered secret masked, and in every URL the user part (up to the last {@code @},
   * so a password holding {@code /} or {@code @} is masked whole) and the values of credential parameters.
   */
  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = URL.matcher(text).replaceAll(url -> Matcher.quoteReplacement(scrubUrl(url.group())));
    // Longest first, so that a secret holding another is masked whole.
    for (String secret : REMEMBERED.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      out = out.replace(secret, MASK);
    }
    return out;
  }
}

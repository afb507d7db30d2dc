package org.corpuskit.archive;

import java.util.Locale;

/** Why a well-formed record was not kept as a page. */
public enum SkipReason {
  /** warcinfo, request, metadata and the other record types that carry no page. */
  OTHER_RECORD_TYPE,
  /** A response that is not HTTP: dns, ftp, whois captures. */
  NOT_HTTP,
  /** A revisit record: the payload is in another record. */
  REVISIT,
  /** The HTTP status was not 200. */
  HTTP_STATUS,
  /** The payload is not HTML or XHTML (by Content-Type and by sniffing). */
  NOT_HTML,
  /** The payload has no bytes. */
  EMPTY_PAYLOAD;

  private final String label = name().toLowerCase(Locale.ROOT);
  private final String outcome = "skipped:" + label;

  /** The reason as written in summaries, e.g. {@code http_status}. */
  public String label() {
    return label;
  }

  /** The outcome key of summaries, e.g. {@code skipped:http_status}. */
  public String outcome() {
    return outcome;
  }
}

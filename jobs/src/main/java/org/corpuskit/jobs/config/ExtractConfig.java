package org.corpuskit.jobs.config;

import java.util.List;
import org.corpuskit.text.UrlParts;

/** Settings of the extract stage: archives to documents. */
public record ExtractConfig(
    @Doc("Source label written into every document; the mix stage weights sources by it.")
    String source,
    @Doc("Payload megabytes kept per record; a longer payload is cut and its document marked truncated. "
        + "Executor memory must hold one such payload.")
    int maxPayloadMb,
    @Doc("Megabytes scanned for the next record boundary after unreadable bytes before the rest of the file "
        + "is given up as one failure.")
    int maxResyncScanMb,
    @Doc("Deepest HTML element nesting parsed; deeper elements are flattened, which defuses nesting bombs.")
    int maxDepth,
    @Doc("Which sections of the Public Suffix List decide registered_domain: all (ICANN and private, so each "
        + "github.io or blogspot.com site is its own domain) or icann.")
    String publicSuffixes,
    @Doc("Share of input files of which not one record can be read (missing, refused, empty, not an archive) "
        + "that a run tolerates: they are named in the run summary and extract/errors; more fails the stage, "
        + "so that no release is made of what is left. 1 tolerates all.")
    double maxUnreadableShare) {

  public static final ExtractConfig DEFAULTS = new ExtractConfig("common-crawl", 8, 1024, 512, "all", 0.01);

  public ExtractConfig {
    Check.notBlank("source", source);
    Check.atMost("max_payload_mb", Check.positive("max_payload_mb", maxPayloadMb), 2047);
    Check.atMost("max_resync_scan_mb", Check.positive("max_resync_scan_mb", maxResyncScanMb), 1 << 20);
    Check.positive("max_depth", maxDepth);
    Check.oneOf("public_suffixes", publicSuffixes, List.of("all", "icann"));
    if (!(maxUnreadableShare >= 0 && maxUnreadableShare <= 1)) {
      throw new IllegalArgumentException("max_unreadable_share must be between 0 and 1, got " + maxUnreadableShare);
    }
  }

  public UrlParts.Suffixes suffixes() {
    return publicSuffixes.equals("icann") ? UrlParts.Suffixes.ICANN : UrlParts.Suffixes.ALL;
  }
}

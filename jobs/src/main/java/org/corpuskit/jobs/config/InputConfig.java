package org.corpuskit.jobs.config;

import java.util.List;
import java.util.regex.Pattern;

/** What the first stage reads. Which files these name is part of the extract stage's input fingerprint. */
public record InputConfig(
    @Doc("Archive files, directories (read recursively, skipping names that start with _ or .), globs, or path "
        + "listings (warc.paths.gz, wet.paths.gz), on any Hadoop file system. Empty: the embedded sample.")
    List<String> paths,
    @Doc("A Common Crawl crawl such as CC-MAIN-2024-22, or latest (the newest in crawl_list); stands for its "
        + "listing under cc_base. Empty: none.")
    String crawl,
    @Doc("Which listing of the crawl to read: warc or wet.")
    String crawlKind,
    @Doc("Base that relative lines of path listings, and crawl, resolve against: Common Crawl over HTTPS by "
        + "default, which needs no credentials; s3a://commoncrawl/ inside AWS us-east-1, with credentials.")
    String ccBase,
    @Doc("Common Crawl's list of crawls (JSON, each with an id), where crawl latest is looked up.")
    String crawlList,
    @Doc("Read only the first N files of the sorted input list, so that a sample is the same on every run; 0 "
        + "reads all.")
    int maxFiles) {

  public static final InputConfig DEFAULTS = new InputConfig(List.of(), "", "warc",
      org.corpuskit.jobs.io.Inputs.COMMON_CRAWL_BASE, "https://index.commoncrawl.org/collinfo.json", 0);
  /** The value of crawl that names the newest crawl of crawl_list. */
  public static final String LATEST = "latest";
  private static final Pattern CRAWL = Pattern.compile("CC-MAIN-\\d{4}-\\d{2}");

  public InputConfig {
    paths = List.copyOf(paths);
    if (!crawl.isEmpty() && !crawl.equals(LATEST) && !CRAWL.matcher(crawl).matches()) {
      throw new IllegalArgumentException("crawl must look like CC-MAIN-2024-22 or be latest, got '" + crawl + "'");
    }
    Check.oneOf("crawl_kind", crawlKind, List.of("warc", "wet"));
    Check.notBlank("cc_base", ccBase);
    Check.notBlank("crawl_list", crawlList);
    Check.notNegative("max_files", maxFiles);
  }

  /** These settings with {@code other} as the crawl. */
  public InputConfig withCrawl(String other) {
    return new InputConfig(paths, other, crawlKind, ccBase, crawlList, maxFiles);
  }

  /** These settings reading {@code files} alone: no crawl, no limit on the number of files. */
  public InputConfig reading(List<String> files) {
    return new InputConfig(files, "", crawlKind, ccBase, crawlList, 0);
  }

  /** True when neither paths nor a crawl is given, so the run uses the embedded sample. */
  public boolean isEmpty() {
    return paths.isEmpty() && crawl.isEmpty();
  }
}

package org.corpuskit.jobs.pipeline;

import java.util.List;

/**
 * {@code RELEASES/release-NNNNN/release.json}: one finished release of a refreshed corpus, written after its run
 * succeeded, so that a release directory without it is unfinished whatever it holds.
 *
 * @param release its number, from 1
 * @param name its directory's name, {@code release-NNNNN}
 * @param created when it was finished, ISO-8601
 * @param codeVersion the build that wrote it
 * @param crawls the Common Crawl crawls its input files belong to, as their paths name them
 * @param inputFiles how many archive files it read: those of its input that no earlier release had read
 * @param inputListing the listing of those files, beside this file
 * @param buildsOn the releases whose documents it was deduplicated against, oldest first
 * @param dedupIndex its dedup index, which lists the earlier releases' parts: the next release reads it
 * @param documents documents in its training shards
 * @param tokens document tokens in its training shards
 * @param sequences sequences in its training shards
 * @param shards shard files
 */
public record Release(int release, String name, String created, String codeVersion, List<String> crawls,
    int inputFiles, String inputListing, List<String> buildsOn, String dedupIndex, long documents, long tokens,
    long sequences, int shards) {
  public Release {
    crawls = List.copyOf(crawls);
    buildsOn = List.copyOf(buildsOn);
  }
}

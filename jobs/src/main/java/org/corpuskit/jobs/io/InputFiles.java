package org.corpuskit.jobs.io;

import java.util.List;
import org.corpuskit.jobs.config.ConfigTree;

/**
 * The archive files a run reads, sorted, and the path listings they came from. Sizes and modification times
 * are known for files found by listing a directory or a glob; files named by a path listing have -1 for both,
 * and the listing's own size and time stand for them, so that a crawl of 90,000 files costs one status call.
 *
 * @param files the files to read, sorted, cut to max_files
 * @param listings the path listings read, with their sizes and times
 */
public record InputFiles(List<InputFile> files, List<InputFile> listings) {
  public InputFiles {
    files = List.copyOf(files);
    listings = List.copyOf(listings);
  }

  /** One file: its path, size in bytes and modification time in epoch milliseconds (-1 when not known). */
  public record InputFile(String path, long size, long modified) {}

  public List<String> paths() {
    return files.stream().map(InputFile::path).toList();
  }

  /** Changes when any file is added, removed, resized or touched, or when a listing changes. */
  public String fingerprint() {
    return ConfigTree.hash(files.stream().map(f -> f.path() + "|" + f.size() + "|" + f.modified()).toList(),
        listings.stream().map(f -> f.path() + "|" + f.size() + "|" + f.modified()).toList());
  }
}

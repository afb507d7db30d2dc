package org.corpuskit.jobs.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.corpuskit.jobs.config.ConfigTree;

/**
 * The sizes and modification times of the files under some paths (files, folders listed recursively, or
 * globs), hashed: what a stage's output depends on when it reads files from outside the pipeline, such as a
 * clean document set or a benchmark. A path that does not exist is stamped as missing; the stage that reads it
 * will say so.
 */
public final class FileStamps {
  private FileStamps() {}

  /** The hash of every file's path, size and time under {@code paths}, in a stable order. */
  public static String of(Configuration hadoop, List<String> paths) {
    List<String> stamps = new ArrayList<>();
    for (String path : paths) {
      try {
        Path pattern = new Path(path);
        FileStatus[] matches = pattern.getFileSystem(hadoop).globStatus(pattern);
        if (matches == null || matches.length == 0) {
          stamps.add(path + "|missing");
          continue;
        }
        for (FileStatus match : matches) {
          stamp(match.getPath().getFileSystem(hadoop), match, stamps);
        }
      } catch (FileNotFoundException e) {
        stamps.add(path + "|missing");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + path + " to tell whether it changed: " + e.getMessage(), e);
      }
    }
    stamps.sort(null);
    return ConfigTree.hash(stamps);
  }

  private static void stamp(FileSystem fs, FileStatus status, List<String> stamps) throws IOException {
    if (!status.isDirectory()) {
      stamps.add(status.getPath() + "|" + status.getLen() + "|" + status.getModificationTime());
      return;
    }
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(status.getPath(), true);
    while (files.hasNext()) {
      LocatedFileStatus file = files.next();
      stamps.add(file.getPath() + "|" + file.getLen() + "|" + file.getModificationTime());
    }
  }
}

package org.corpuskit.jobs.io;

import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * A failed file system call as one line a user can act on. Cloud clients wrap a missing network in several
 * layers of messages that repeat themselves; the cause that says what happened is usually at the bottom.
 */
final class IoMessages {
  private IoMessages() {}

  static String of(Throwable e) {
    Throwable unknownHost = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        unknownHost = t;
      }
      if (t instanceof ConnectException) {
        return "cannot connect: " + t.getMessage() + "; check the endpoint and the network";
      }
    }
    // S3A wraps the SDK's exceptions in messages that repeat the path; their names say what happened.
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      String message = String.valueOf(t.getMessage());
      if (name.equals("NoSuchBucketException") || message.contains("NoSuchBucket")) {
        return "no such bucket";
      }
      if (name.equals("AccessDeniedException") || message.contains("Status Code: 403")) {
        return "access denied (403): check the credentials and the bucket's policy for this path";
      }
    }
    if (unknownHost != null) {
      // The innermost one carries the bare host name; the wrappers above it repeat long advice.
      return "cannot resolve the host " + unknownHost.getMessage() + ": no network or DNS here; check the "
          + "connection, or read a local copy";
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

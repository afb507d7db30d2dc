package org.corpuskit.jobs.pipeline;

import org.corpuskit.jobs.config.Secrets;

/**
 * Messages as the console and run.json show them: one line, no control or unprintable characters (a file of
 * random bytes must not put them on a terminal), no secrets, and not longer than a reader can take in.
 * Thread-safe.
 */
public final class Messages {
  private static final int MAX_LENGTH = 600;

  private Messages() {}

  /** {@code text} on one line: line breaks become " | ", unprintable characters {@code \}{@code uXXXX}. */
  public static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String scrubbed = Secrets.scrub(text.strip());
    StringBuilder out = new StringBuilder(Math.min(scrubbed.length(), MAX_LENGTH + 16));
    for (int i = 0; i < scrubbed.length() && out.length() < MAX_LENGTH; ) {
      int c = scrubbed.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        out.append(" | ");
      } else if (c == '\r') {
        continue;
      } else if (c == '\t') {
        out.append(' ');
      } else if (printable(c)) {
        out.appendCodePoint(c);
      } else {
        out.append(String.format("\\u%04X", c));
      }
    }
    return out.length() >= MAX_LENGTH ? out.append(" ...").toString() : out.toString();
  }

  /**
   * What went wrong, for a person: the message alone for the project's own errors, which are written to be
   * read, and the exception's simple class name before it for anything else.
   */
  public static String describe(Throwable e) {
    if (e instanceof StageFailedException || e instanceof UsageException || e instanceof CountsException
        || e.getClass().getName().startsWith("org.corpuskit.")) {
      return oneLine(e.getMessage());
    }
    String message = e.getMessage();
    return oneLine(message == null || message.isBlank() ? e.getClass().getName()
        : e.getClass().getSimpleName() + ": " + message);
  }

  private static boolean printable(int c) {
    if (c == 0xFFFD) {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }
}

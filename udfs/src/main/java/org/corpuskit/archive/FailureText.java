package org.corpuskit.archive;

/** How the reader words a failure: one short line that quotes a broken file's bytes safely. Stateless. */
final class FailureText {
  private FailureText() {}

  /** The exception's simple name and message, at most 500 characters, {@link #printable}. */
  static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String text = e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    return printable(text.length() > 500 ? text.substring(0, 500) : text);
  }

  /**
   * {@code text} with control characters and bytes outside printable ASCII and Latin-1 letters escaped as
   * {@code \xNN}: messages quote the bytes of broken files, and raw ones garble a terminal or a report.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (c <= 0xff) {
        out.append(String.format("\\x%02X", (int) c));
      } else if (Character.isLetterOrDigit(c) || Character.isSpaceChar(c)) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }
}

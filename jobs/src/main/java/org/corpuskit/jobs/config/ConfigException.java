package org.corpuskit.jobs.config;

/** A configuration that cannot be used; the message names the key, and the file and line where it was set. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConfigException(String message) {
    super(message);
  }
}

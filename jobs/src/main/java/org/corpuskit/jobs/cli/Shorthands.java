package org.corpuskit.jobs.cli;

import java.util.List;

/** A group of a command's options that stand for configuration keys, as {@code --set} assignments. */
interface Shorthands {
  List<String> assignments();
}

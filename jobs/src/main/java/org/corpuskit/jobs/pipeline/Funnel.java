package org.corpuskit.jobs.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The run summary: per stage, records and characters in, out, rejected and failed, and the time taken, as a
 * table for the terminal and as {@code stats.json}. Thread-safe (no state).
 */
public final class Funnel {
  private Funnel() {}

  public static String table(List<StageRun> runs) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-14s %-7s %12s %12s %10s %8s %14s %14s %9s%n", "stage", "", "in", "out", "rejected",
        "failed", "chars in", "chars out", "time"));
    for (StageRun run : runs) {
      StageCounts c = run.marker().counts();
      out.append(String.format("%-14s %-7s %12d %12d %10d %8d %14s %14s %8.1fs%n", run.stage(),
          run.reused() ? "reused" : "ran", c.in(), c.out(), c.rejectedTotal(), c.failedTotal(), chars(c.charsIn()),
          chars(c.charsOut()), run.marker().seconds()));
      reasons(out, "rejected", c.rejected());
      reasons(out, "failed", c.failed());
      c.notes().forEach(note -> out.append(String.format("%-14s %s%n", "", note)));
    }
    return out.toString();
  }

  public static String json(List<StageRun> runs) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode stages = root.putArray("stages");
    for (StageRun run : runs) {
      StageCounts c = run.marker().counts();
      ObjectNode stage = stages.addObject()
          .put("stage", run.stage())
          .put("reused", run.reused())
          .put("in", c.in())
          .put("out", c.out())
          .put("rejected", c.rejectedTotal())
          .put("failed", c.failedTotal())
          .put("chars_in", c.charsIn())
          .put("chars_out", c.charsOut())
          .put("seconds", run.marker().seconds());
      c.rejected().forEach(stage.putObject("rejected_by_reason")::put);
      c.failed().forEach(stage.putObject("failed_by_reason")::put);
      c.notes().forEach(stage.putArray("notes")::add);
    }
    return Json.write(root);
  }

  private static void reasons(StringBuilder out, String what, Map<String, Long> byReason) {
    if (byReason.isEmpty()) {
      return;
    }
    StringBuilder line = new StringBuilder();
    byReason.forEach((reason, n) -> line.append(line.isEmpty() ? "" : ", ").append(reason).append(' ').append(n));
    out.append(String.format("%-14s %s: %s%n", "", what, line));
  }

  private static String chars(long n) {
    return n < 0 ? "-" : String.format("%,d", n);
  }
}

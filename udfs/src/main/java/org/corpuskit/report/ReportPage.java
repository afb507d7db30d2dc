package org.corpuskit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The report of a run as one HTML page that loads nothing: its style inline, its charts inline SVG, no script.
 * A section is a heading, a sentence on what it shows, its charts, and example lines under it. Stateless and
 * thread-safe. {@link #json} gives the same sections as data, for notebooks.
 */
public final class ReportPage {
  private static final String STYLE = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2327;background:#fff}
      main{max-width:780px;margin:0 auto;padding:24px}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 4px;border-top:1px solid #dde3e8;padding-top:16px}
      p.lead{color:#50575e;margin:0 0 8px}p.note{color:#50575e;margin:4px 0}
      nav a{margin-right:12px}
      .chart text{font:12px system-ui,sans-serif;fill:#1d2327}.chart text.heading{font-weight:600;font-size:13px}
      .chart{display:block;margin:10px 0;max-width:100%;height:auto}
      .chart .bar{fill:#2f6fb0}.chart .behind{fill:#c9dcef}.chart .axis{stroke:#8c959f}
      .chart .threshold{stroke:#c0392b;stroke-width:2;stroke-dasharray:5 3}
      ul.examples{font-size:12px;color:#50575e;padding-left:18px}ul.examples li{margin:2px 0}
      code{font-size:12px}
      """;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportPage() {}

  /** One part of the report. */
  public record Section(String id, String title, String lead, List<Chart> charts, List<String> notes,
      List<String> examples) {
    public Section {
      charts = List.copyOf(charts);
      notes = List.copyOf(notes);
      examples = List.copyOf(examples);
    }
  }

  /** The page: {@code title}, a line under it, a table of contents, and the sections in order. */
  public static String html(String title, String subtitle, List<Section> sections) {
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(Svg.escape(title)).append("</title><style>").append(STYLE).append("</style></head><body><main>")
        .append("<h1>").append(Svg.escape(title)).append("</h1><p class=\"lead\">").append(Svg.escape(subtitle))
        .append("</p><nav>");
    sections.forEach(s -> page.append("<a href=\"#").append(s.id()).append("\">").append(Svg.escape(s.title()))
        .append("</a>"));
    page.append("</nav>");
    for (Section section : sections) {
      page.append("<section id=\"").append(section.id()).append("\"><h2>").append(Svg.escape(section.title()))
          .append("</h2><p class=\"lead\">").append(Svg.escape(section.lead())).append("</p>");
      section.charts().forEach(c -> page.append(c.svg()));
      section.notes().forEach(n -> page.append("<p class=\"note\">").append(Svg.escape(n)).append("</p>"));
      if (!section.examples().isEmpty()) {
        page.append("<ul class=\"examples\">");
        section.examples().forEach(e -> page.append("<li>").append(Svg.escape(e)).append("</li>"));
        page.append("</ul>");
      }
      page.append("</section>");
    }
    return page.append("</main></body></html>\n").toString();
  }

  /**
   * The page's figures as JSON: its title and subtitle, and per section its id, title, lead, notes, examples and
   * charts, each chart with its kind ({@code bars} or {@code histogram}), title, unit or axis, and its bars
   * ({@code label}, {@code value}, {@code behind}) or bins ({@code low}, {@code high}, {@code count}); a value that
   * is not there (no bar behind, no threshold) is null.
   */
  public static String json(String title, String subtitle, List<Section> sections) {
    ObjectNode root = JSON.createObjectNode().put("title", title).put("subtitle", subtitle);
    ArrayNode out = root.putArray("sections");
    for (Section section : sections) {
      ObjectNode s = out.addObject().put("id", section.id()).put("title", section.title()).put("lead", section.lead());
      section.notes().forEach(s.putArray("notes")::add);
      section.examples().forEach(s.putArray("examples")::add);
      ArrayNode charts = s.putArray("charts");
      for (Chart chart : section.charts()) {
        ObjectNode c = charts.addObject();
        if (chart instanceof Chart.Bars b) {
          c.put("kind", "bars").put("title", b.title()).put("unit", b.unit());
          ArrayNode bars = c.putArray("bars");
          b.bars().forEach(bar -> number(number(bars.addObject().put("label", bar.label()), "value", bar.value()),
              "behind", bar.behind()));
        } else if (chart instanceof Chart.Histogram h) {
          number(c.put("kind", "histogram").put("title", h.title()).put("axis", h.axis()), "threshold",
              h.threshold());
          ArrayNode bins = c.putArray("bins");
          h.bins().forEach(bin -> bins.addObject().put("low", bin.low()).put("high", bin.high())
              .put("count", bin.count()));
        }
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always writes", e);
    }
  }

  private static ObjectNode number(ObjectNode node, String field, double value) {
    return Double.isNaN(value) ? node.putNull(field) : node.put(field, value);
  }
}

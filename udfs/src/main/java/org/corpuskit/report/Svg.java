package org.corpuskit.report;

import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG, drawn from numbers alone, for a page that loads nothing: horizontal bars (with a second,
 * lighter value behind each, such as documents in before out) and histograms with a threshold line. Every chart
 * has a title element and one element per bar with the figure in its title, so that a reader hovering a bar,
 * and a test, finds the numbers. Stateless and thread-safe.
 */
public final class Svg {
  static final int WIDTH = 720;
  private static final int LABEL = 230;
  /** Characters of a bar's label that fit left of the bars at 12 px; a longer label loses its middle. */
  static final int LABEL_CHARS = 32;
  /** The longest bar's length: what is left after the labels and room for its figures ("564,961 of 577,915"). */
  static final int ROOM = WIDTH - LABEL - 160;
  private static final int ROW = 22;
  /** Room above a chart for its title, which is drawn as well as given as the chart's accessible name. */
  private static final int HEAD = 24;

  private Svg() {}

  /** One bar: a label, its value, and a second value drawn lighter behind it (NaN for none). */
  public record Bar(String label, double value, double behind) {
    public static Bar of(String label, double value) {
      return new Bar(label, value, Double.NaN);
    }
  }

  /** One bin of a histogram: values from {@code low} to below {@code high}, {@code count} of them. */
  public record Bin(double low, double high, long count) {}

  /** Horizontal bars, longest to the right edge, each with its value written after it in {@code unit}. */
  public static String bars(String title, List<Bar> bars, String unit) {
    double max = bars.stream().mapToDouble(b -> Double.isNaN(b.behind()) ? b.value() : Math.max(b.value(),
        b.behind())).max().orElse(0);
    int height = HEAD + ROW * Math.max(1, bars.size()) + 10;
    StringBuilder svg = open(title, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = HEAD + 5 + i * ROW;
      svg.append(text(LABEL - 6, y + 15, "end", shortened(bar.label())));
      if (!Double.isNaN(bar.behind())) {
        svg.append(String.format(Locale.ROOT, "<rect class=\"behind\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\">"
            + "<title>%s</title></rect>", LABEL, y + 2, scale(bar.behind(), max, ROOM),
            escape(bar.label() + ": " + number(bar.behind()) + " " + unit + " before")));
      }
      double w = scale(bar.value(), max, ROOM);
      svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\">"
          + "<title>%s</title></rect>", LABEL, y + 2, w, escape(bar.label() + ": " + number(bar.value()) + " "
          + unit)));
      double after = Double.isNaN(bar.behind()) ? w : Math.max(w, scale(bar.behind(), max, ROOM));
      svg.append(text((int) (LABEL + after + 6), y + 15, "start", figure(bar.value(), unit)
          + (Double.isNaN(bar.behind()) ? "" : " of " + figure(bar.behind(), unit))));
    }
    return svg.append("</svg>").toString();
  }

  /** A histogram of {@code bins}, left to right, with a dashed line at {@code threshold} unless it is NaN. */
  public static String histogram(String title, List<Bin> bins, double threshold, String axis) {
    int height = HEAD + 190;
    int plot = 140;
    StringBuilder svg = open(title, height);
    svg.append("<g transform=\"translate(0,").append(HEAD).append(")\">");
    long max = bins.stream().mapToLong(Bin::count).max().orElse(0);
    int left = 50;
    double step = bins.isEmpty() ? 0 : (WIDTH - left - 20) / (double) bins.size();
    for (int i = 0; i < bins.size(); i++) {
      Bin bin = bins.get(i);
      double h = max == 0 ? 0 : plot * bin.count() / (double) max;
      svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
          + "<title>%s</title></rect>", left + i * step, 10 + plot - h, Math.max(1, step - 1), h,
          escape(number(bin.low()) + " to " + number(bin.high()) + ": " + number(bin.count()))));
    }
    svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", left,
        10 + plot, WIDTH - 20, 10 + plot));
    svg.append(text(left - 4, 18, "end", number(max)));
    if (!bins.isEmpty()) {
      svg.append(text(left, 10 + plot + 16, "start", number(bins.get(0).low())));
      svg.append(text(WIDTH - 20, 10 + plot + 16, "end", number(bins.get(bins.size() - 1).high())));
      if (bins.size() >= 4) {
        int middle = bins.size() / 2;
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
            left + middle * step, 10 + plot, left + middle * step, 10 + plot + 4));
        svg.append(text((int) (left + middle * step), 10 + plot + 16, "middle", number(bins.get(middle).low())));
      }
      double low = bins.get(0).low();
      double high = bins.get(bins.size() - 1).high();
      if (!Double.isNaN(threshold) && high > low) {
        double x = left + (Math.min(Math.max(threshold, low), high) - low) / (high - low) * (WIDTH - left - 20);
        svg.append(String.format(Locale.ROOT, "<line class=\"threshold\" x1=\"%.1f\" y1=\"6\" x2=\"%.1f\" y2=\"%d\">"
            + "<title>threshold %s</title></line>", x, x, 10 + plot, number(threshold)));
        boolean right = x > WIDTH - 160;
        svg.append(text((int) x + (right ? -4 : 4), 18, right ? "end" : "start", "threshold " + number(threshold)
            + (threshold < low || threshold > high ? " (off the chart)" : "")));
      }
    }
    svg.append(text(WIDTH / 2, height - HEAD - 4, "middle", axis));
    return svg.append("</g></svg>").toString();
  }

  /** Equal-width bins over {@code values} from {@code low} to {@code high}; values outside go to the ends. */
  public static List<Bin> bins(double[] values, double low, double high, int count) {
    long[] counts = new long[count];
    double width = (high - low) / count;
    for (double v : values) {
      int i = width <= 0 ? 0 : (int) Math.floor((v - low) / width);
      counts[Math.max(0, Math.min(count - 1, i))]++;
    }
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> new Bin(low + i * width, low + (i + 1) * width, counts[i])).toList();
  }

  private static StringBuilder open(String title, int height) {
    return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\"><title>%s</title>"
        + "<text class=\"heading\" x=\"0\" y=\"16\">%s</text>", WIDTH, height, WIDTH, height, escape(title),
        escape(title)));
  }

  /** A label that fits: its start and its end around an ellipsis, the whole of it in the bar's title. */
  static String shortened(String label) {
    if (label.codePointCount(0, label.length()) <= LABEL_CHARS) {
      return label;
    }
    int[] points = label.codePoints().toArray();
    int tail = (LABEL_CHARS - 1) / 3;
    return new String(points, 0, LABEL_CHARS - 1 - tail) + "…" + new String(points, points.length - tail, tail);
  }

  private static double scale(double value, double max, int room) {
    return max <= 0 ? 0 : Math.max(value > 0 ? 1 : 0, room * value / max);
  }

  private static String text(int x, int y, String anchor, String text) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + escape(text) + "</text>";
  }

  /** A figure as a reader takes it in: whole numbers with separators, others to three significant digits. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : Math.abs(value) >= 1 ? "%.2f" : "%.3f",
        value);
  }

  /** A bar's figure, with its unit when that is a sign (%, s) rather than a word. */
  private static String figure(double value, String unit) {
    return number(value) + (unit.equals("%") || unit.equals("s") ? unit : "");
  }

  /** Text for XML and HTML: the five special characters escaped. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}

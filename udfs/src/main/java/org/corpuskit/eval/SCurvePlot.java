package org.corpuskit.eval;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Draws an LSH S-curve as SVG: the theoretical probability of becoming a candidate against Jaccard similarity as
 * a line, and measured rates per similarity bin as points, so that the two can be read side by side in docs and
 * notebooks without a plotting library.
 *
 * <p>Thread-safe: static methods without state.
 */
public final class SCurvePlot {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 400;
  private static final int MARGIN = 50;

  private SCurvePlot() {}

  /** A series of measured points: x (similarity) and y (a rate) in [0, 1]. */
  public record Series(String label, String colour, List<double[]> points) {}

  /** The SVG text: the curve {@code theory} from 0 to 1, each series as dots, and a legend. */
  public static String svg(String title, DoubleUnaryOperator theory, String theoryLabel, List<Series> series) {
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", MARGIN,
        escape(title)));
    for (int tick = 0; tick <= 10; tick++) {
      double v = tick / 10.0;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n",
          x(v), MARGIN, x(v), HEIGHT - MARGIN));
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
          MARGIN, y(v), WIDTH - MARGIN, y(v)));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>%n",
          x(v), HEIGHT - MARGIN + 16, v));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n",
          MARGIN - 6, y(v) + 4, v));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Jaccard similarity of the "
        + "pair's shingle sets</text>%n", WIDTH / 2, HEIGHT - 12));
    StringBuilder path = new StringBuilder();
    for (int i = 0; i <= 200; i++) {
      double j = i / 200.0;
      path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x(j),
          y(theory.applyAsDouble(j))));
    }
    svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\"/>\n");
    legend(svg, 0, "black", theoryLabel, true);
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      for (double[] point : one.points()) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
            x(point[0]), y(point[1]), one.colour()));
      }
      legend(svg, s + 1, one.colour(), one.label(), false);
    }
    return svg.append("</svg>\n").toString();
  }

  private static void legend(StringBuilder svg, int row, String colour, String label, boolean line) {
    int top = MARGIN + 10 + row * 18;
    if (line) {
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
          + "stroke-width=\"1.5\"/>%n", MARGIN + 10, top, MARGIN + 30, top, colour));
    } else {
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>%n", MARGIN + 20,
          top, colour));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", MARGIN + 36, top + 4,
        escape(label)));
  }

  private static double x(double v) {
    return MARGIN + v * (WIDTH - 2 * MARGIN);
  }

  private static double y(double v) {
    return HEIGHT - MARGIN - v * (HEIGHT - 2 * MARGIN);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

package org.corpuskit.report;

import java.util.List;

/**
 * A chart of the report as its numbers: drawn as SVG on the page and written as data beside it, so that a notebook
 * reads the figures a reader sees. Immutable and thread-safe.
 */
public sealed interface Chart {
  String title();

  /** The chart as inline SVG. */
  String svg();

  /** Horizontal bars, each with a value and perhaps a second one behind it ({@link Svg#bars}). */
  record Bars(String title, List<Svg.Bar> bars, String unit) implements Chart {
    public Bars {
      bars = List.copyOf(bars);
    }

    @Override
    public String svg() {
      return Svg.bars(title, bars, unit);
    }
  }

  /** A histogram with a threshold line unless {@code threshold} is NaN ({@link Svg#histogram}). */
  record Histogram(String title, List<Svg.Bin> bins, double threshold, String axis) implements Chart {
    public Histogram {
      bins = List.copyOf(bins);
    }

    @Override
    public String svg() {
      return Svg.histogram(title, bins, threshold, axis);
    }
  }
}

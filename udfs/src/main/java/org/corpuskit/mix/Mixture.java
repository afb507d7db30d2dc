package org.corpuskit.mix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many tokens of each source a training set of {@code target} tokens takes: weights proportional to
 * {@code n_i^(1/T)} for {@code n_i} tokens available (T = 1 is the natural distribution; a larger T flattens it
 * toward uniform, as XLM and mT5 sampled languages), then bounded. A source may be repeated at most
 * {@code maxEpochs} times and may be given a minimum and a maximum share; a source whose weight passes a bound
 * is fixed at it and the others' weights are renormalised over what is left, until no bound is passed.
 *
 * <p>Thread-safe: immutable.
 */
public final class Mixture {
  /**
   * One source's size and bounds.
   *
   * @param name the source's label
   * @param tokens tokens available, at least 1
   * @param maxEpochs the most times the source may be repeated (its tokens taken at most this many times over)
   * @param minShare the least share of the target, 0 for none
   * @param maxShare the most share of the target, 1 for none
   */
  public record Source(String name, long tokens, double maxEpochs, double minShare, double maxShare) {
    public Source {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a source needs a name");
      }
      if (tokens < 1) {
        throw new IllegalArgumentException("source " + name + " is empty: it has no tokens to mix");
      }
      if (!(maxEpochs > 0)) {
        throw new IllegalArgumentException("source " + name + ": max_epochs must be positive, got " + maxEpochs);
      }
      if (!(minShare >= 0 && minShare <= maxShare && maxShare <= 1)) {
        throw new IllegalArgumentException("source " + name + ": shares must satisfy 0 <= min_share <= max_share "
            + "<= 1, got " + minShare + " and " + maxShare);
      }
    }
  }

  /**
   * What the mixture takes of one source.
   *
   * @param name the source
   * @param available tokens available
   * @param naturalShare its share of all tokens available
   * @param targetShare its share of the target
   * @param targetTokens tokens it contributes to the target
   * @param epochs how many times over its tokens are taken: below 1 it is down-sampled
   * @param bound which bound fixed its share ("max_epochs", "min_share", "max_share"), or empty
   */
  public record Share(String name, long available, double naturalShare, double targetShare, double targetTokens,
      double epochs, String bound) {}

  private final long target;
  private final double temperature;
  private final Map<String, Share> shares;

  private Mixture(long target, double temperature, Map<String, Share> shares) {
    this.target = target;
    this.temperature = temperature;
    this.shares = shares;
  }

  /**
   * The mixture of {@code sources} for {@code target} tokens at {@code temperature}.
   *
   * @throws IllegalArgumentException when the bounds cannot be met: the epoch caps and maximum shares allow
   *     fewer tokens than the target, or the minimum shares add up to more than the whole
   */
  public static Mixture of(List<Source> sources, long target, double temperature) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a mixture needs at least one source");
    }
    if (target < 1) {
      throw new IllegalArgumentException("the target must be at least 1 token, got " + target);
    }
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("the temperature must be positive, got " + temperature);
    }
    double minimums = sources.stream().mapToDouble(Source::minShare).sum();
    if (minimums > 1 + 1e-12) {
      throw new IllegalArgumentException("the minimum shares add up to " + minimums + ", more than the whole");
    }
    for (Source source : sources) {
      if (source.minShare() > upper(source, target) + 1e-12) {
        throw new IllegalArgumentException(String.format("source %s: min_share %.4f needs %,.0f tokens, more than "
            + "its %,d tokens repeated max_epochs %.2f times", source.name(), source.minShare(),
            source.minShare() * target, source.tokens(), source.maxEpochs()));
      }
    }
    long available = sources.stream().mapToLong(Source::tokens).sum();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Source source : sources) {
      if (weights.put(source.name(), Math.pow(source.tokens(), 1 / temperature)) != null) {
        throw new IllegalArgumentException("source " + source.name() + " is listed twice");
      }
    }
    Map<String, Double> fixed = new LinkedHashMap<>();
    Map<String, String> bounds = new LinkedHashMap<>();
    Map<String, Double> share = spread(sources, weights, fixed);
    while (true) {
      List<Source> over = new ArrayList<>();
      List<Source> under = new ArrayList<>();
      for (Source source : sources) {
        if (fixed.containsKey(source.name())) {
          continue;
        }
        double s = share.get(source.name());
        if (s > upper(source, target) + 1e-12) {
          over.add(source);
        } else if (s < source.minShare() - 1e-12) {
          under.add(source);
        }
      }
      if (over.isEmpty() && under.isEmpty()) {
        break;
      }
      for (Source source : over.isEmpty() ? under : over) {
        boolean capped = !over.isEmpty();
        fixed.put(source.name(), capped ? upper(source, target) : source.minShare());
        bounds.put(source.name(), !capped ? "min_share"
            : source.maxEpochs() * source.tokens() / (double) target < source.maxShare() ? "max_epochs" : "max_share");
      }
      if (fixed.size() == sources.size()) {
        double total = fixed.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total < 1 - 1e-9) {
          throw new IllegalArgumentException(String.format("the caps allow %,.0f tokens, fewer than the target of "
              + "%,d: raise max_epochs or max_share, or lower the target", total * target, target));
        }
      }
      share = spread(sources, weights, fixed);
    }
    Map<String, Share> out = new LinkedHashMap<>();
    for (Source source : sources) {
      double s = share.get(source.name());
      out.put(source.name(), new Share(source.name(), source.tokens(), source.tokens() / (double) available, s,
          s * target, s * target / source.tokens(), bounds.getOrDefault(source.name(), "")));
    }
    return new Mixture(target, temperature, out);
  }

  /** The largest share a source may have: its maximum share, or its epoch cap's share of the target. */
  private static double upper(Source source, long target) {
    return Math.min(source.maxShare(), source.maxEpochs() * source.tokens() / (double) target);
  }

  /** Fixed sources keep their share; the others split what is left by weight. */
  private static Map<String, Double> spread(List<Source> sources, Map<String, Double> weights,
      Map<String, Double> fixed) {
    double left = 1 - fixed.values().stream().mapToDouble(Double::doubleValue).sum();
    double free = 0;
    for (Source source : sources) {
      if (!fixed.containsKey(source.name())) {
        free += weights.get(source.name());
      }
    }
    Map<String, Double> share = new LinkedHashMap<>();
    for (Source source : sources) {
      share.put(source.name(), fixed.containsKey(source.name()) ? fixed.get(source.name())
          : left * weights.get(source.name()) / free);
    }
    return share;
  }

  /** The target, in tokens. */
  public long target() {
    return target;
  }

  public double temperature() {
    return temperature;
  }

  /** Each source's share, in the order given. */
  public List<Share> shares() {
    return List.copyOf(shares.values());
  }

  /** The share of source {@code name}. */
  public Share share(String name) {
    Share share = shares.get(name);
    if (share == null) {
      throw new IllegalArgumentException("no source " + name + " in the mixture; sources: " + shares.keySet());
    }
    return share;
  }
}

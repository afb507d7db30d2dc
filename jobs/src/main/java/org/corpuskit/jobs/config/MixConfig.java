package org.corpuskit.jobs.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Settings of the mix stage: how many tokens of each source the training set takes. */
public record MixConfig(
    @Doc("T of the weights p_i ∝ n_i^(1/T) over the tokens n_i of each source: 1 keeps the natural "
        + "distribution, a larger T flattens it toward uniform.")
    double temperature,
    @Doc("Tokens of the mixture, counted as the tokenizer encodes the documents (without EOS and BOS). 0: as "
        + "many as all the sources hold.")
    long targetTokens,
    @Doc("The most times any source is repeated; a capped source's weight goes to the others.")
    double maxEpochs,
    @Doc("Per source, a cap on repeats that replaces max_epochs, such as {wiki: 2}.")
    Map<String, Double> epochs,
    @Doc("Per source, the least share of the mixture, such as {code: 0.1}.")
    Map<String, Double> minShare,
    @Doc("Per source, the most share of the mixture, such as {web: 0.8}.")
    Map<String, Double> maxShare,
    @Doc("Seed of the per-document draws that down-sample a source or add its fraction of an epoch.")
    long seed) implements Serializable {

  public static final MixConfig DEFAULTS = new MixConfig(1.0, 0, 4.0, Map.of(), Map.of(), Map.of(), 0);

  public MixConfig {
    epochs = Collections.unmodifiableMap(new TreeMap<>(epochs));
    minShare = Collections.unmodifiableMap(new TreeMap<>(minShare));
    maxShare = Collections.unmodifiableMap(new TreeMap<>(maxShare));
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a positive number, got " + temperature);
    }
    if (targetTokens < 0) {
      throw new IllegalArgumentException("target_tokens must be 0 (all) or positive, got " + targetTokens);
    }
    if (!(maxEpochs > 0)) {
      throw new IllegalArgumentException("max_epochs must be positive, got " + maxEpochs);
    }
    epochs.forEach((source, cap) -> {
      if (!(cap > 0)) {
        throw new IllegalArgumentException("epochs: " + source + " must be positive, got " + cap);
      }
    });
    checkShares("min_share", minShare);
    checkShares("max_share", maxShare);
    double minimums = minShare.values().stream().mapToDouble(Double::doubleValue).sum();
    if (minimums > 1 + 1e-9) {
      throw new IllegalArgumentException("min_share adds up to " + minimums + ", more than the whole mixture");
    }
    for (Map.Entry<String, Double> least : minShare.entrySet()) {
      if (least.getValue() > maxShare.getOrDefault(least.getKey(), 1.0)) {
        throw new IllegalArgumentException("min_share: " + least.getKey() + " is " + least.getValue()
            + ", above its max_share " + maxShare.get(least.getKey()));
      }
    }
  }

  private static void checkShares(String key, Map<String, Double> shares) {
    shares.forEach((source, share) -> {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(key + ": " + source + " must be between 0 and 1, got " + share);
      }
    });
  }

  /** The repeat cap of {@code source}. */
  public double epochsOf(String source) {
    return epochs.getOrDefault(source, maxEpochs);
  }
}

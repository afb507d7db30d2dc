package org.corpuskit.jobs.config;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.corpuskit.filter.PiiFinder;
import org.corpuskit.filter.PiiPolicy;
import org.corpuskit.filter.Rule;
import org.corpuskit.filter.Rules;
import org.corpuskit.lang.LanguageIdentifier;

/** Settings of the filter stage: signals computed per document, and the rules that reject on them. */
public record FilterConfig(
    @Doc("Rules by name, each a Spark SQL predicate over the signals column; a document that matches one is "
        + "rejected, with the first matching rule (in name order) as its reason and every matching rule listed. "
        + "An empty predicate turns a rule off. Defaults: the published thresholds (docs/filters.md).")
    Map<String, String> rules,
    @Doc("Per-language rules by language code (such as zh), overriding rules of the same name for documents "
        + "detected in that language (signals.lang).")
    Map<String, LanguageRules> languages,
    @Doc("Stop-word lists in the stopwords-iso JSON format ({\"en\": [...], ...}) for Gopher's stop-word count. "
        + "Without a list, English documents and those of unknown language use Gopher's eight English stop "
        + "words, and others get no stop-word count (so that rule passes them).")
    String stopWords,
    @Doc("Rejected documents written per rule as JSON lines under filter/samples/, for reading; chosen by a hash "
        + "of doc_id, so the same ones every run.")
    int samplesPerRule,
    @Doc("A folder of URL blocklists in UT1's format (one folder per category with domains, urls, expressions "
        + "files); empty: none.")
    String urlBlocklists,
    @Doc("UT1 categories to use from url_blocklists; empty: every category found.")
    List<String> urlBlocklistCategories,
    @Doc("A folder with banned_words.txt, soft_banned_words.txt and banned_subwords.txt (datatrove's URL lists) "
        + "matched against URLs; empty: none.")
    String urlWords,
    @Doc("A folder of bad-word lists in the LDNOOBW format, one file per language code; empty: none.")
    String badWords,
    @Doc("Classifiers made by `corpus train-classifier`, by name; each adds its probability of the positive class "
        + "as signals.<name>, for rules such as `signals.quality < 0.5`. Each has model (the folder), pareto_alpha "
        + "(0: off; else GPT-3's stochastic keep with that shape, GPT-3 used 9: rule <name>_pareto rejects when "
        + "signals.<name>_draw <= 1 - signals.<name>) and seed (of the per-document draws).")
    Map<String, ClassifierConfig> classifiers,
    @Doc("Personal data: redacted (each piece replaced by its type's placeholder), tagged (spans only) or off; "
        + "the spans found are written as signals.pii_spans either way.")
    PiiConfig pii,
    @Doc("Language identification.")
    LangConfig lang) {

  /**
   * Chinese and Japanese words, as the splitter cuts them, have one or two characters: Gopher's minimum mean
   * word length of 3 would reject every such page, so it is off for them.
   */
  public static final FilterConfig DEFAULTS = new FilterConfig(defaultRules(), Map.of(
      "zh", new LanguageRules(Map.of("gopher_below_avg_threshold", "")),
      "ja", new LanguageRules(Map.of("gopher_below_avg_threshold", ""))), "", 20, "", List.of(), "", "", Map.of(),
      PiiConfig.DEFAULTS, LangConfig.DEFAULTS);

  public FilterConfig {
    rules = Map.copyOf(rules);
    languages = Map.copyOf(languages);
    for (Map.Entry<String, String> rule : rules.entrySet()) {
      if (!rule.getKey().matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("rules: a rule name is lower_snake_case, got '" + rule.getKey() + "'");
      }
    }
    Check.notNegative("samples_per_rule", samplesPerRule);
    Set<String> offable = new TreeSet<>();
    Rules.DEFAULTS.forEach(rule -> offable.add(rule.name()));
    classifiers.keySet().forEach(name -> offable.add(name + "_pareto"));
    checkTurnedOff("rules", rules, offable);
    languages.forEach((code, own) -> checkTurnedOff("languages." + code + ".rules", own.rules(), offable));
    urlBlocklistCategories = List.copyOf(urlBlocklistCategories);
    classifiers = Map.copyOf(classifiers);
    for (String name : classifiers.keySet()) {
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("classifiers: a classifier name is lower_snake_case, got '" + name + "'");
      }
    }
  }

  /**
   * An empty predicate turns a rule off, so it must name a rule there is: a misspelt name would turn nothing
   * off, silently.
   */
  private static void checkTurnedOff(String where, Map<String, String> rules, Set<String> offable) {
    rules.forEach((name, sql) -> {
      if (sql.isBlank() && !offable.contains(name)) {
        String nearest = offable.stream().min(Comparator.comparingInt(r -> ConfigLoader.distance(r, name)))
            .orElse("");
        throw new IllegalArgumentException(where + "." + name + ": an empty predicate turns a built-in rule off, "
            + "and there is no rule " + name + "; did you mean " + nearest + "?");
      }
    });
  }

  /**
   * One trained classifier. With {@code pareto_alpha} above 0, documents are also kept at random as GPT-3 kept
   * them (Brown et al. 2020, appendix A): kept when a Pareto(alpha) draw exceeds 1 - score; the draw is seeded
   * by doc_id, so each document gets the same one every run.
   */
  public record ClassifierConfig(
      @Doc("The model folder written by `corpus train-classifier --out`.")
      String model,
      @Doc("0: off. Otherwise the shape of GPT-3's Pareto keep (GPT-3 used 9); rule <name>_pareto rejects a "
          + "document when signals.<name>_draw is at most 1 - signals.<name>.")
      double paretoAlpha,
      @Doc("Seed of the per-document draws.")
      long seed) {
    public ClassifierConfig {
      Check.notBlank("model", model);
      if (!(paretoAlpha >= 0)) {
        throw new IllegalArgumentException("pareto_alpha: must be 0 (off) or positive, got " + paretoAlpha);
      }
    }
  }

  /** What the filter does with personal data ({@link PiiPolicy}). */
  public record PiiConfig(
      @Doc("redact: replace each piece with its type's placeholder; tag: leave the text, write the spans; off: do "
          + "not look for personal data.")
      String mode,
      @Doc("The types acted on: email, phone, ip, credit_card, iban, ssn.")
      List<String> types,
      @Doc("Placeholders by type, replacing the defaults (<EMAIL>, <PHONE>, <IP_ADDRESS>, <CREDIT_CARD>, <IBAN>, "
          + "<SSN>).")
      Map<String, String> placeholders,
      @Doc("public: IP addresses outside private, loopback, link-local and documentation ranges; all: every "
          + "address.")
      String ipAddresses) {
    public static final PiiConfig DEFAULTS = new PiiConfig("redact", List.of("email", "phone", "ip", "credit_card",
        "iban", "ssn"), Map.of(), "public");

    public PiiConfig {
      Check.oneOf("mode", mode, List.of("redact", "tag", "off"));
      Check.oneOf("ip_addresses", ipAddresses, List.of("public", "all"));
      types = List.copyOf(types);
      if (types.isEmpty() && !mode.equals("off")) {
        throw new IllegalArgumentException("types: none given, so nothing would be " + mode + "ed; give types, or "
            + "mode: off");
      }
      placeholders = Map.copyOf(placeholders);
      policy(mode, types, placeholders, ipAddresses);
    }

    /** The policy the filter applies. */
    public PiiPolicy policy() {
      return policy(mode, types, placeholders, ipAddresses);
    }

    private static PiiPolicy policy(String mode, List<String> types, Map<String, String> placeholders,
        String ipAddresses) {
      Set<PiiFinder.Type> chosen = EnumSet.noneOf(PiiFinder.Type.class);
      types.forEach(type -> chosen.add(typed("types", type)));
      Map<PiiFinder.Type, String> own = new EnumMap<>(PiiFinder.Type.class);
      placeholders.forEach((type, text) -> own.put(typed("placeholders", type), text));
      return new PiiPolicy(PiiPolicy.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), chosen, own,
          ipAddresses.equals("all"));
    }

    private static PiiFinder.Type typed(String key, String type) {
      try {
        return PiiFinder.Type.of(type);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + ": " + e.getMessage());
      }
    }
  }

  /** Language identification's settings. */
  public record LangConfig(
      @Doc("Codes mapped together, as {hbs: [hr, bs, sr]}: a document detected as any of the listed codes gets the "
          + "key as signals.lang, for languages the detector confuses (docs/lang-accuracy.md).")
      Map<String, List<String>> merge) {
    public static final LangConfig DEFAULTS = new LangConfig(Map.of());

    public LangConfig {
      Map<String, List<String>> copy = new java.util.TreeMap<>();
      Set<String> seen = new TreeSet<>();
      merge.forEach((into, codes) -> {
        if (!into.matches("[a-z]{2,3}(-[A-Za-z0-9]+)?")) {
          throw new IllegalArgumentException("merge: a language code such as hbs, got '" + into + "'");
        }
        for (String code : codes) {
          if (!seen.add(code)) {
            throw new IllegalArgumentException("merge: " + code + " is listed twice");
          }
          if (!LanguageIdentifier.supportedLanguages().contains(code)) {
            throw new IllegalArgumentException("merge: the detector never answers '" + code + "'; its codes: "
                + String.join(", ", new TreeSet<>(LanguageIdentifier.supportedLanguages())));
          }
        }
        copy.put(into, List.copyOf(codes));
      });
      merge = Map.copyOf(copy);
    }

    /** Each listed code's merged code. */
    public Map<String, String> codes() {
      Map<String, String> codes = new java.util.HashMap<>();
      merge.forEach((into, listed) -> listed.forEach(code -> codes.put(code, into)));
      return codes;
    }
  }

  /** Rules for one language; a rule named as a default one replaces it there. */
  public record LanguageRules(
      @Doc("Rules by name, as filter.rules, for this language only.")
      Map<String, String> rules) {
    public LanguageRules {
      rules = Map.copyOf(rules);
    }
  }

  private static Map<String, String> defaultRules() {
    Map<String, String> rules = new LinkedHashMap<>();
    for (Rule rule : Rules.DEFAULTS) {
      rules.put(rule.name(), rule.sql());
    }
    return rules;
  }
}

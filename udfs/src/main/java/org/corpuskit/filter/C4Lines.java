package org.corpuskit.filter;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.corpuskit.text.Sentences;
import org.corpuskit.text.Words;

/**
 * C4's cleaning (Raffel et al. 2020; datatrove C4QualityFilter): lines are dropped that have a word over 1,000
 * characters, no terminal punctuation (C4's marks and those of other scripts) or an ellipsis at the end, fewer
 * than 3 words (from the language-aware splitter), "javascript", or a cookie or
 * policy notice; citation marks such as [1] and [edit] are removed. The document's text becomes the kept lines.
 * Signals flag lorem ipsum and curly braces on kept lines, and count the sentences kept, for the document rules.
 * Linear in the text.
 */
public final class C4Lines implements TextEditor {
  private static final String SOURCE = "C4 (Raffel et al. 2020); datatrove C4QualityFilter defaults";
  private static final Pattern CITATION = Pattern.compile("\\[\\d*]|\\[edit]|\\[citation needed]");
  private static final List<String> POLICY = List.of("terms of use", "privacy policy", "cookie policy",
      "uses cookies", "use of cookies", "use cookies");
  private static final int MAX_WORD_LENGTH = 1000;
  private static final int MIN_WORDS_PER_LINE = 3;

  public static final List<Rule> RULES = List.of(
      Rule.below("c4_too_few_sentences", "c4_sentences", 5, SOURCE),
      Rule.above("c4_lorem_ipsum", "c4_lorem_ipsum", 0, SOURCE),
      Rule.above("c4_curly_bracket", "c4_curly_bracket", 0, SOURCE));

  /** Sentence splitters by language code, made the first time a document of the language comes. */
  private final Map<String, Sentences> sentences = new HashMap<>();

  @Override
  public String name() {
    return "c4_lines";
  }

  @Override
  public List<Signal> signals() {
    return List.of(
        Signal.count("c4_lines_removed", "Lines C4's line rules removed from the text."),
        Signal.count("c4_sentences", "Sentences in the lines C4 kept."),
        Signal.count("c4_lorem_ipsum", "Kept lines containing 'lorem ipsum' (any case)."),
        Signal.count("c4_curly_bracket", "Kept lines containing '{'."));
  }

  @Override
  public String edit(FilterDoc doc, Signals out) {
    List<String> kept = new ArrayList<>();
    int removed = 0;
    int sentenceCount = 0;
    int lorem = 0;
    int curly = 0;
    Words words = doc.splitter();
    Sentences sentences = this.sentences.computeIfAbsent(doc.lang(),
        lang -> new Sentences(lang.isEmpty() ? ULocale.ROOT : new ULocale(lang)));
    for (String raw : doc.text().split("\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      String cleaned = line.indexOf('[') < 0 ? line : CITATION.matcher(line).replaceAll("");
      String lower = cleaned.toLowerCase(Locale.ROOT);
      // The cheap tests first: most dropped lines lack terminal punctuation and need no word splitting.
      if (!endsLikeASentence(cleaned) || lower.contains("javascript") || POLICY.stream().anyMatch(lower::contains)
          || !wordsFit(words, line)) {
        removed++;
        continue;
      }
      if (lower.contains("lorem ipsum")) {
        lorem++;
      }
      if (cleaned.indexOf('{') >= 0) {
        curly++;
      }
      sentenceCount += sentences.split(cleaned).size();
      kept.add(cleaned);
    }
    out.set("c4_lines_removed", removed)
        .set("c4_sentences", sentenceCount)
        .set("c4_lorem_ipsum", lorem)
        .set("c4_curly_bracket", curly);
    return String.join("\n", kept);
  }

  /** C4's marks (. ? ! and closing quotes), and those of other scripts, so that Chinese lines can end too. */
  private static boolean endsLikeASentence(String line) {
    if (line.endsWith("...") || line.isEmpty()) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    return last == '"' || last == '\'' || FineWebQuality.isTerminal(last);
  }

  /** At least 3 words, none over 1,000 characters; a line no longer than that has no such word to look for. */
  private static boolean wordsFit(Words words, String line) {
    Words.Cursor cursor = words.cursor(line);
    int count = 0;
    while (cursor.next()) {
      if (cursor.end() - cursor.start() > MAX_WORD_LENGTH) {
        return false;
      }
      if (++count >= MIN_WORDS_PER_LINE && line.length() <= MAX_WORD_LENGTH) {
        return true;
      }
    }
    return count >= MIN_WORDS_PER_LINE;
  }
}

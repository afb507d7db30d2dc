package org.corpuskit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.corpuskit.eval.LanguageAccuracy;
import org.corpuskit.eval.LanguageEval;
import org.corpuskit.eval.LanguageReport;
import org.corpuskit.eval.UdhrParagraph;
import org.corpuskit.lang.LanguageIdentifier;

/**
 * Writes docs/lang-accuracy.md: our identifier and Lingua 1.2.2 (low accuracy) side by side on the UDHR. Here
 * rather than in udfs because Lingua itself needs its Kotlin runtime, which only bench puts on the class path.
 * Also prints each detector's heap after loading and its time over the paragraphs.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.corpuskit.bench.LanguageAccuracyReport UDHR OUT}.
 */
public final class LanguageAccuracyReport {
  private LanguageAccuracyReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: LanguageAccuracyReport <udhr folder> <output .md>");
      System.exit(2);
    }
    Path udhr = Path.of(args[0]);
    List<UdhrParagraph> paragraphs = LanguageEval.paragraphs(udhr, LanguageEval.MIN_CHARS, Integer.MAX_VALUE);
    List<UdhrParagraph> shortOnes =
        LanguageEval.paragraphs(udhr, LanguageEval.SHORT_MIN_CHARS, LanguageEval.MIN_CHARS - 1);

    long before = usedHeap();
    LanguageIdentifier ours = LanguageIdentifier.ofAllLanguages();
    System.out.printf("ours: heap after loading %.0f MB%n", (usedHeap() - before) / 1e6);
    LanguageReport.Run oursRun = run("ours", paragraphs, shortOnes, text -> ours.identify(text).language());

    before = usedHeap();
    LinguaLowAccuracy lingua = new LinguaLowAccuracy();
    System.out.printf("Lingua low accuracy: heap after loading %.0f MB%n", (usedHeap() - before) / 1e6);
    LanguageReport.Run linguaRun = run("Lingua", paragraphs, shortOnes, lingua::language);

    String preamble = String.join("\n",
        "# Language identification accuracy on the UDHR",
        "",
        "Generated on " + LocalDate.now() + " by `org.corpuskit.bench.LanguageAccuracyReport` (command in",
        "docs/benchmarks.md, \"Language identification\") from the UDHR translations in ../shared/data/lang/udhr:",
        "each `<p>` of each page, labelled with the page's `data-iso6393` mapped to ISO 639-1 (ten individual",
        "codes first to their macrolanguage: arb, azj, ekk, pes, lvs, khk, zlm, als, swh, cmn). \"ours\" is",
        "`org.corpuskit.lang.LanguageIdentifier` with all 75 languages; \"Lingua\" is Lingua 1.2.2 with all 75 in",
        "low-accuracy mode. Only labels among those 75 count; \"top 20\" are the 20 most common web languages",
        "(eng, rus, deu, jpn, zho, spa, fra, ita, por, nld, pol, vie, tur, ind, fas, ces, swe, kor, ara, ukr);",
        "\"variety pages\" are pages of a regional variety labelled with the standard language (last table).");
    Files.writeString(Path.of(args[1]),
        LanguageReport.markdown(preamble, List.of(oursRun, linguaRun), LinguaLowAccuracy.languages()));
    System.out.println("wrote " + args[1]);
    // Lingua leaves non-daemon threads behind.
    System.exit(0);
  }

  private static LanguageReport.Run run(String name, List<UdhrParagraph> paragraphs, List<UdhrParagraph> shortOnes,
      Function<String, String> detector) {
    long start = System.nanoTime();
    LanguageAccuracy full = LanguageEval.evaluate(paragraphs, LinguaLowAccuracy.languages(), detector);
    System.out.printf("%s: %d paragraphs >= %d chars in %.1f s%n", name, full.outcomes().size(),
        LanguageEval.MIN_CHARS, (System.nanoTime() - start) / 1e9);
    LanguageAccuracy shortResults = LanguageEval.evaluate(shortOnes, LinguaLowAccuracy.languages(), detector);
    return new LanguageReport.Run(name, full, shortResults);
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}

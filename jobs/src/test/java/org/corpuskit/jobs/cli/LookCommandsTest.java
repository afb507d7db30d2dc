package org.corpuskit.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.corpuskit.jobs.LocalSpark;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus show} and {@code corpus export} on the sample's run, as a reviewer uses them. */
@ExtendWith(LocalSpark.class)
class LookCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SECTIONS = List.of("funnel", "time", "rejections", "languages", "lengths",
      "signals", "clusters", "contamination", "mixture", "tokens");
  /** Per chart on a page: its title, its box, its bars and the text that falls outside its drawing. */
  private static final String CHARTS = """
      [...document.querySelectorAll('svg.chart')].map(svg => ({
        title: svg.querySelector('title').textContent,
        width: svg.getBoundingClientRect().width,
        right: svg.getBoundingClientRect().right,
        marks: svg.querySelectorAll('rect').length,
        outside: [...svg.querySelectorAll('text')].filter(t => {
          const b = t.getBBox();
          return b.x < 0 || b.x + b.width > svg.viewBox.baseVal.width; }).map(t => t.textContent)}))""";

  @TempDir
  static Path dir;

  private static Path run;

  @BeforeAll
  static void runTheSample() {
    LocalSpark.session();
    run = dir.resolve("out");
    CliRun result = CliRun.of("run", "--out", run.toString());
    assertEquals(0, result.exitCode(), result.out() + result.err());
    for (String line : List.of("[1/7 extract, 1 file] ", "[2/7 filter, 526 documents from extract] ",
        "[5/7 tokenize, 473 documents from decontaminate] ", "[7/7 pack, 533 documents from mix] ")) {
      assertTrue(result.err().contains(line), "each stage's progress says what is known of its size: "
          + result.err());
    }
  }

  @Test
  void showPrintsTheSameFewDocumentsOfTheLastStageEveryTime() {
    CliRun shown = CliRun.of("show", run.toString(), "-n", "3", "--width", "80");
    assertEquals(0, shown.exitCode(), shown.err());
    assertTrue(shown.out().contains("decontaminate/documents: 473 documents; showing 3"), shown.out());
    assertEquals(3, shown.out().lines().filter(l -> l.equals("-".repeat(80))).count(), shown.out());
    List<String> text = shown.out().lines().filter(l -> l.startsWith("  ")).toList();
    assertTrue(text.size() > 6, shown.out());
    assertTrue(text.stream().allMatch(l -> l.codePointCount(0, l.length()) <= 80), "wrapped to the width: " + text);
    assertEquals(shown.out(), CliRun.of("show", run.toString(), "-n", "3", "--width", "80").out());
  }

  @Test
  void showPicksRejectedDocumentsByReasonAndDocumentsByLanguage() {
    CliRun fuzzy = CliRun.of("show", run.toString(), "--stage", "dedup", "--rejected", "fuzzy_duplicate", "-n", "2");
    assertEquals(0, fuzzy.exitCode(), fuzzy.err());
    assertTrue(fuzzy.out().contains("dedup/rejected: 22 documents rejected for fuzzy_duplicate; showing 2"),
        fuzzy.out());
    assertEquals(2, fuzzy.out().lines().filter(l -> l.startsWith("reason fuzzy_duplicate  duplicate of ")).count(),
        fuzzy.out());
    CliRun german = CliRun.of("show", run.toString(), "--stage", "filter", "--lang", "de", "-n", "4");
    assertEquals(4, german.out().lines().filter(l -> l.contains("  lang de  ")).count(), german.out());
    CliRun wrong = CliRun.of("show", run.toString(), "--stage", "pack");
    assertEquals(2, wrong.exitCode());
    assertTrue(wrong.err().contains("--stage pack: give one of decontaminate, dedup, filter, extract"), wrong.err());
  }

  @Test
  void exportWritesEveryRowAsJsonLinesOrCsvWithNestedColumnsAsJson() throws IOException {
    Path jsonl = dir.resolve("exports/new/rejected.jsonl");
    CliRun all = CliRun.of("export", run.resolve("dedup/rejected").toString(), "--out", jsonl.toString());
    assertEquals(0, all.exitCode(), all.err());
    List<String> lines = Files.readAllLines(jsonl);
    assertEquals(52, lines.size());
    for (String line : lines) {
      JsonNode row = JSON.readTree(line);
      assertTrue(row.get("text").asText().length() > 0 && row.has("duplicate_of"), line);
    }
    assertTrue(all.err().contains("exported 52 rows of "), all.err());
    assertEquals(List.of("rejected.jsonl"), Files.list(jsonl.getParent()).map(p -> p.getFileName().toString())
        .toList(), "its folders made, nothing left beside it");

    Path csv = dir.resolve("filter.csv");
    CliRun some = CliRun.of("export", run.resolve("filter/documents").toString(), "--format", "csv", "--columns",
        "doc_id,url,signals", "--where", "signals.lang = 'fr'", "--limit", "5", "--out", csv.toString());
    assertEquals(0, some.exitCode(), some.err());
    List<String> rows = Files.readAllLines(csv);
    assertEquals("doc_id,url,signals", rows.get(0));
    assertEquals(6, rows.size());
    for (String row : rows.subList(1, rows.size())) {
      String signals = row.substring(row.indexOf(",\"{") + 2, row.length() - 1).replace("\"\"", "\"");
      assertEquals("fr", JSON.readTree(signals).get("lang").asText(), row);
    }
  }

  @Test
  void theRunWroteAReportWhoseChartsAreWellFormedAndWhichIsDrawnAgainTheSame() throws Exception {
    Path report = run.resolve("report.html");
    String html = Files.readString(report);
    for (String section : SECTIONS) {
      assertTrue(html.contains("<section id=\"" + section + "\">"), section);
    }
    java.util.regex.Matcher svg = java.util.regex.Pattern.compile("<svg .*?</svg>").matcher(html);
    int charts = 0;
    while (svg.find()) {
      javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
          new java.io.ByteArrayInputStream(svg.group().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      charts++;
    }
    assertTrue(charts >= 10, charts + " charts");
    assertTrue(html.contains("<title>exact_duplicate: 25 records</title>"), "dedup's reasons with their counts");
    assertTrue(html.contains("threshold 5"), "c4_sentences is drawn with its rule's threshold");
    CliRun again = CliRun.of("report", run.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertEquals(html, Files.readString(report), "the same outputs draw the same page");
  }

  /**
   * The sample run's report in headless Chromium at 1280 px: no console error or failed load, every chart of
   * report.json drawn with its marks inside the page, no label cut off, and a screenshot that is not blank
   * (written to target/report-1280.png to look at). CI installs Debian's chromium and sets {@code
   * CORPUS_CHROMIUM=required}; elsewhere the test skips without a browser.
   */
  @Test
  void theReportLoadsInABrowserWithEveryChartDrawnAndNothingCutOff(@TempDir Path profile) throws Exception {
    Optional<Path> binary = HeadlessChromium.find();
    if ("required".equals(System.getenv("CORPUS_CHROMIUM"))) {
      assertTrue(binary.isPresent(), "CORPUS_CHROMIUM=required and no chromium on the PATH");
    }
    Assumptions.assumeTrue(binary.isPresent(), "no chromium on the PATH");
    Path broken = dir.resolve("broken.html");
    Files.writeString(broken, "<!DOCTYPE html><p>x</p><img src=\"missing.png\"><script>console.error('drawn "
        + "badly')</script>");
    try (HeadlessChromium browser = HeadlessChromium.start(binary.get(), profile.resolve("chromium"))) {
      HeadlessChromium.Page control = browser.load(broken.toUri(), 1280, "1");
      assertTrue(control.errors().stream().anyMatch(e -> e.contains("drawn badly")), "the check sees console "
          + "errors: " + control.errors());
      assertTrue(control.errors().stream().anyMatch(e -> e.contains("missing.png")), "and failed loads: "
          + control.errors());

      HeadlessChromium.Page page = browser.load(run.resolve("report.html").toUri(), 1280, CHARTS);
      assertEquals(List.of(), page.errors());
      List<String> expected = new java.util.ArrayList<>();
      JSON.readTree(run.resolve("report.json").toFile()).path("sections").forEach(section -> section.path("charts")
          .forEach(chart -> expected.add(chart.path("title").asText())));
      List<String> drawn = new java.util.ArrayList<>();
      for (JsonNode chart : page.value()) {
        drawn.add(chart.path("title").asText());
        String title = chart.path("title").asText();
        assertTrue(chart.path("width").asDouble() > 600 && chart.path("right").asDouble() <= 1280, title + ": " + chart);
        assertTrue(chart.path("marks").asInt() > 0, title + " draws nothing");
        assertEquals(0, chart.path("outside").size(), title + ": text cut off " + chart.path("outside"));
      }
      assertEquals(expected, drawn);
      assertTrue(drawn.size() >= 20, drawn.toString());

      Path screenshot = Path.of("target", "report-1280.png");
      Files.write(screenshot, page.png());
      java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(page.png()));
      assertEquals(1280, image.getWidth());
      long inked = 0;
      long bars = 0;
      for (int y = 0; y < image.getHeight(); y += 2) {
        for (int x = 0; x < image.getWidth(); x += 2) {
          int rgb = image.getRGB(x, y) & 0xffffff;
          inked += rgb == 0xffffff ? 0 : 1;
          bars += rgb == 0x2f6fb0 ? 1 : 0;
        }
      }
      long sampled = (long) ((image.getHeight() + 1) / 2) * (image.getWidth() / 2);
      assertTrue(inked > sampled / 50, "inked " + inked + " of " + sampled + " sampled pixels");
      assertTrue(bars > 1000, "the bars' colour on " + bars + " sampled pixels");
    }
  }

  @Test
  void aMissingDatasetAnUnknownColumnOrABadConditionIsOneLine() {
    String rejected = run.resolve("dedup/rejected").toString();
    for (String[] c : new String[][] {
        {"no dataset at ", "export", run.resolve("nothing").toString()},
        {"--columns: nope not in ", "export", rejected, "--columns", "doc_id,nope"},
        {"--where reason = = 1: ", "export", rejected, "--where", "reason = = 1"},
        {"--format xml: give jsonl or csv", "export", rejected, "--format", "xml"}}) {
      CliRun result = CliRun.of(java.util.Arrays.copyOfRange(c, 1, c.length));
      assertEquals(2, result.exitCode(), result.err());
      assertTrue(result.err().contains(c[0]), result.err());
      assertEquals(1, result.err().strip().lines().count(), result.err());
    }
  }
}

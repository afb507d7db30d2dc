package org.corpuskit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SvgTest {
  @Test
  void barsAreOneRectangleEachWithTheirFigureInTheirTitleAndTheLongestFillsTheRoom() throws Exception {
    String svg = Svg.bars("Documents per stage", List.of(new Svg.Bar("extract", 526, 544), Svg.Bar.of("filter", 525),
        Svg.Bar.of("<dedup> & co", 0)), "documents");
    Document doc = parse(svg);
    NodeList rects = doc.getElementsByTagName("rect");
    assertEquals(4, rects.getLength(), "three bars and one behind");
    assertTrue(svg.contains("<title>extract: 526 documents</title>"), svg);
    assertTrue(svg.contains("<title>extract: 544 documents before</title>"), svg);
    assertTrue(svg.contains("&lt;dedup&gt; &amp; co"), "labels are escaped: " + svg);
    assertTrue(svg.contains("526 of 544"), svg);
    double widest = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      widest = Math.max(widest, Double.parseDouble(rects.item(i).getAttributes().getNamedItem("width")
          .getNodeValue()));
    }
    assertEquals(Svg.ROOM, widest, 1e-9);
  }

  @Test
  void aLongLabelKeepsItsStartAndEndAndTheBarsTitleKeepsAllOfIt() {
    String label = "gopher_symbol_to_word_ratio_above_the_limit_of_0.1";
    String svg = Svg.bars("Rejected", List.of(Svg.Bar.of(label, 3)), "records");
    assertEquals("gopher_symbol_to_word…mit_of_0.1", Svg.shortened(label));
    assertEquals(Svg.LABEL_CHARS, Svg.shortened(label).length());
    assertTrue(svg.contains(">gopher_symbol_to_word…mit_of_0.1</text>") && svg.contains("<title>" + label + ": 3"),
        svg);
    assertEquals("filter", Svg.shortened("filter"));
  }

  @Test
  void aHistogramDrawsItsThresholdOnlyWhenItHasOne() throws Exception {
    List<Svg.Bin> bins = Svg.bins(new double[] {1, 2, 2, 3, 9, 50}, 0, 10, 5);
    assertEquals(List.of(1L, 3L, 0L, 0L, 2L), bins.stream().map(Svg.Bin::count).toList(),
        "a value past the end is counted in the last bin");
    String with = Svg.histogram("word_count", bins, 4, "words");
    assertEquals(1, with.split("class=\"threshold\"", -1).length - 1, "one threshold line");
    assertTrue(with.contains(">4</text>"), "the middle of the axis is labelled: " + with);
    assertTrue(with.contains("<title>threshold 4</title>"), with);
    String without = Svg.histogram("word_count", bins, Double.NaN, "words");
    assertFalse(without.contains("threshold"), without);
    assertEquals(5, parse(without).getElementsByTagName("rect").getLength());
  }

  @Test
  void figuresReadAsPeopleWriteThem() {
    assertEquals("1,234,567", Svg.number(1234567));
    assertEquals("0.125", Svg.number(0.125));
    assertEquals("12.35", Svg.number(12.345));
    assertEquals("1,235", Svg.number(1234.5));
  }

  @Test
  void thePageLoadsNothingAndLinksEverySection() {
    String html = ReportPage.html("Run <out>", "2 stages", List.of(
        new ReportPage.Section("funnel", "Funnel", "Documents.", List.of(new Chart.Bars("f",
            List.of(Svg.Bar.of("a", 1)), "docs")), List.of("a note"), List.of("an <example>")),
        new ReportPage.Section("time", "Time", "Seconds.", List.of(), List.of(), List.of())));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<a href=\"#funnel\">Funnel</a>") && html.contains("<section id=\"time\">"), html);
    assertTrue(html.contains("<title>Run &lt;out&gt;</title>") && html.contains("<li>an &lt;example&gt;</li>"));
    String outside = html.replace("http://www.w3.org/2000/svg", "");
    assertFalse(outside.contains("http") || outside.contains("<script") || outside.contains("src="), html);
  }

  @Test
  void theDataHoldsEveryFigureOfThePageAndNullWhereThereIsNone() throws Exception {
    List<ReportPage.Section> sections = List.of(new ReportPage.Section("signals", "Signals", "Each signal.", List.of(
        new Chart.Bars("Documents", List.of(new Svg.Bar("extract", 526, 544), Svg.Bar.of("filter", 525)), "documents"),
        new Chart.Histogram("word_count", Svg.bins(new double[] {1, 7}, 0, 10, 2), 5, "words"),
        new Chart.Histogram("lang_score", Svg.bins(new double[] {0.5}, 0, 1, 1), Double.NaN, "score")),
        List.of(), List.of("filter · too_short · http://a.example/")));
    com.fasterxml.jackson.databind.JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        ReportPage.json("Run", "done", sections));
    com.fasterxml.jackson.databind.JsonNode charts = data.at("/sections/0/charts");
    assertEquals("bars", charts.at("/0/kind").asText());
    assertEquals(544, charts.at("/0/bars/0/behind").asDouble());
    assertTrue(charts.at("/0/bars/1/behind").isNull(), "no bar behind is null, not NaN");
    assertEquals(5, charts.at("/1/threshold").asDouble());
    assertEquals(List.of(1L, 1L), List.of(charts.at("/1/bins/0/count").asLong(), charts.at("/1/bins/1/count").asLong()));
    assertTrue(charts.at("/2/threshold").isNull());
    assertEquals("filter · too_short · http://a.example/", data.at("/sections/0/examples/0").asText());
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}

package org.corpuskit.decontaminate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchmarkReaderTest {
  private static final BenchmarkSpec QA = BenchmarkSpec.parse("qa=qa.jsonl:fields=question+answer");

  @Test
  void jsonLinesGiveOneItemPerRecordWithItsFieldsOnLines() throws IOException {
    List<BenchmarkItem> items = read(QA, "qa.jsonl", """
        {"question": "How far is it?", "answer": "Two miles", "id": 7}

        {"question": "Who came?", "answer": 42}
        """);
    assertEquals(List.of(new BenchmarkItem("qa", "qa.jsonl line 1", "How far is it?\nTwo miles"),
        new BenchmarkItem("qa", "qa.jsonl line 3", "Who came?\n42")), items);
  }

  @Test
  void gzippedFilesAreReadAsTheirContent() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write("{\"question\": \"q\", \"answer\": \"a\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(1, new BenchmarkReader(QA).read("qa.jsonl.gz", BenchmarkFormat.JSONL,
        new ByteArrayInputStream(bytes.toByteArray())).size());
  }

  @Test
  void withoutFieldsEveryTextValueIsTaken() throws IOException {
    BenchmarkSpec all = BenchmarkSpec.parse("all=x.jsonl");
    assertEquals("What?\nred\nblue\nnested", read(all, "x.jsonl",
        "{\"q\": \"What?\", \"choices\": [\"red\", \"blue\"], \"meta\": {\"note\": \"nested\"}, \"gold\": null}")
            .get(0).text());
  }

  @Test
  void aFieldPathGoesIntoEveryElementOfAnArray() throws IOException {
    BenchmarkSpec arc = BenchmarkSpec.parse("arc=x.jsonl:fields=question.stem+question.choices.text");
    assertEquals("Which is a gas?\nice\nsteam", read(arc, "x.jsonl", "{\"question\": {\"stem\": \"Which is a gas?\", "
        + "\"choices\": [{\"text\": \"ice\", \"label\": \"A\"}, {\"text\": \"steam\", \"label\": \"B\"}]}}").get(0).text());
  }

  @Test
  void aBrokenJsonLineIsNamedByItsLine() {
    BenchmarkException e = assertThrows(BenchmarkException.class, () -> read(QA, "qa.jsonl",
        "{\"question\": \"q\", \"answer\": \"a\"}\n{\"question\": \"q\", \"answer\": \"a\"\n"));
    assertEquals("benchmark qa: qa.jsonl line 2: not JSON: Unexpected end-of-input: expected close marker for "
        + "Object (start marker at [line: 1, column: 1])", e.getMessage());
  }

  @Test
  void aMissingFieldIsNamedWithTheFieldsTheRecordHas() {
    BenchmarkException e = assertThrows(BenchmarkException.class, () -> read(QA, "qa.jsonl",
        "{\"question\": \"q\", \"answer\": \"a\"}\n{\"question\": \"q\", \"answr\": \"a\"}\n"));
    assertEquals("benchmark qa: qa.jsonl line 2: no value for 'answer' (it has question, answr)", e.getMessage());
  }

  @Test
  void anEmptyFileIsAnError() {
    BenchmarkException e = assertThrows(BenchmarkException.class, () -> read(QA, "qa.jsonl", ""));
    assertEquals("benchmark qa: qa.jsonl: is empty", e.getMessage());
    assertEquals("benchmark qa: qa.jsonl: has no records (only blank lines)",
        assertThrows(BenchmarkException.class, () -> read(QA, "qa.jsonl", "\n  \n")).getMessage());
  }

  @Test
  void bytesThatAreNotUtf8AreNamedByLineAndColumn() {
    byte[] latin1 = "{\"question\": \"ok\", \"answer\": \"a\"}\n{\"question\": \"caf\u00e9\", \"answer\": \"a\"}\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    BenchmarkException e = assertThrows(BenchmarkException.class, () -> new BenchmarkReader(QA)
        .read("qa.jsonl", BenchmarkFormat.JSONL, new ByteArrayInputStream(latin1)));
    assertEquals("benchmark qa: qa.jsonl line 2: not UTF-8: byte 0xe9 at column 18; convert the file to UTF-8, or give "
        + "encoding= for such lines",
        e.getMessage());
  }

  @Test
  void withAFallbackEncodingLinesThatAreNotUtf8AreReadInIt() throws IOException {
    byte[] mixed = "{\"question\": \"caf\u00e9\", \"answer\": \"a\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf8 = "{\"question\": \"caf\u00e9\", \"answer\": \"b\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[mixed.length + utf8.length];
    System.arraycopy(mixed, 0, both, 0, mixed.length);
    System.arraycopy(utf8, 0, both, mixed.length, utf8.length);
    BenchmarkSpec spec = BenchmarkSpec.parse("qa=qa.jsonl:fields=question+answer,encoding=windows-1252");
    assertEquals(List.of("caf\u00e9\na", "caf\u00e9\nb"), new BenchmarkReader(spec)
        .read("qa.jsonl", BenchmarkFormat.JSONL, new ByteArrayInputStream(both)).stream().map(BenchmarkItem::text)
        .toList());
  }

  @Test
  void utf16AndOtherCodecsAreNamed() {
    byte[] utf16 = "{\"question\": \"q\"}".getBytes(StandardCharsets.UTF_16);
    assertEquals("benchmark qa: qa.jsonl: is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        assertThrows(BenchmarkException.class, () -> new BenchmarkReader(QA).read("qa.jsonl", BenchmarkFormat.JSONL,
            new ByteArrayInputStream(utf16))).getMessage());
    byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0, 0};
    assertEquals("benchmark qa: qa.zip: is a zip archive; unpack it and give the folder",
        assertThrows(BenchmarkException.class, () -> new BenchmarkReader(QA).read("qa.zip", BenchmarkFormat.JSONL,
            new ByteArrayInputStream(zip))).getMessage());
  }

  @Test
  void aMissingFieldIsNamedAloneAndAMisspeltSettingIsNamedWithTheNearest() {
    BenchmarkException e = assertThrows(BenchmarkException.class, () -> read(BenchmarkSpec.parse(
        "t=t.jsonl:fields=question+answr.value"), "t.jsonl", "{\"question\": \"Who?\", \"answer\": {\"value\": \"Ann\"}}"));
    assertEquals("benchmark t: t.jsonl line 1: no value for 'answr.value' (it has question, answer)", e.getMessage());
    IllegalArgumentException setting = assertThrows(IllegalArgumentException.class,
        () -> BenchmarkSpec.parse("t=/data/t.jsonl:feilds=question+answer"));
    assertTrue(setting.getMessage().endsWith("did you mean fields=?"), setting.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gz", "bzip2", "xz", "zstd"})
  void compressedFilesAreKnownByTheirBytesWhateverTheirName(String codec) throws IOException {
    String lines = "{\"question\": \"What is seven and five?\", \"answer\": \"twelve\"}\n";
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (OutputStream out = new CompressorStreamFactory().createCompressorOutputStream(codec, packed)) {
      out.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    List<BenchmarkItem> items = new BenchmarkReader(QA).read("qa.jsonl", BenchmarkFormat.of("qa.jsonl." + codec.replace("bzip2", "bz2"))
        .orElseThrow(), new ByteArrayInputStream(packed.toByteArray()));
    assertEquals("What is seven and five?\ntwelve", items.get(0).text());
    byte[] truncated = java.util.Arrays.copyOf(packed.toByteArray(), packed.size() / 2);
    BenchmarkException e = assertThrows(BenchmarkException.class, () -> new BenchmarkReader(QA).read("qa.jsonl",
        BenchmarkFormat.JSONL, new ByteArrayInputStream(truncated)));
    assertTrue(e.getMessage().startsWith("benchmark qa: qa.jsonl: is " + codec + "-compressed but does not "
        + "decompress"), e.getMessage());
  }

  @Test
  void aByteOrderMarkAndWindowsLineEndsAreRead() throws IOException {
    assertEquals("q\na", read(QA, "qa.jsonl", "\uFEFF{\"question\": \"q\", \"answer\": \"a\"}\r\n").get(0).text());
  }

  @Test
  void aJsonArrayAndJsonLinesInADotJsonFileAreBothRecords() throws IOException {
    String array = "[{\"question\": \"q1\", \"answer\": \"a1\"},\n {\"question\": \"q2\", \"answer\": \"a2\"}]";
    assertEquals(List.of("qa.json record 1", "qa.json record 2"),
        read(QA, "qa.json", array, BenchmarkFormat.JSON).stream().map(BenchmarkItem::id).toList());
    String lines = "{\"question\": \"q1\", \"answer\": \"a1\"}\n{\"question\": \"q2\", \"answer\": \"a2\"}\n";
    assertEquals(List.of("qa.json line 1", "qa.json line 2"),
        read(QA, "qa.json", lines, BenchmarkFormat.JSON).stream().map(BenchmarkItem::id).toList());
  }

  @Test
  void brokenJsonIsNamedByItsLine() {
    BenchmarkException e = assertThrows(BenchmarkException.class,
        () -> read(QA, "qa.json", "[{\"question\": \"q\",\n \"answer\": }]", BenchmarkFormat.JSON));
    assertEquals("benchmark qa: qa.json line 2: not JSON: Unexpected character ('}' (code 125)): expected a valid value (JSON String, Number, Array, "
        + "Object or token 'null', 'true' or 'false')",
        e.getMessage());
  }

  @Test
  void csvQuotesHoldCommasQuotesAndLineBreaks() throws IOException {
    BenchmarkSpec csv = BenchmarkSpec.parse("c=x.csv:fields=question+answer");
    List<BenchmarkItem> items = read(csv, "x.csv", "id,question,answer\n"
        + "1,\"Is it \"\"red\"\", or blue?\",\"Red,\nthen blue\"\n2,plain,x\n", BenchmarkFormat.CSV);
    assertEquals(List.of(new BenchmarkItem("c", "x.csv line 2", "Is it \"red\", or blue?\nRed,\nthen blue"),
        new BenchmarkItem("c", "x.csv line 4", "plain\nx")), items);
  }

  @Test
  void aCsvFileSeparatedBySemicolonsIsReadAsSuch() throws IOException {
    BenchmarkSpec csv = BenchmarkSpec.parse("c=x.csv:fields=question");
    assertEquals(List.of("Is it red, or blue?"), read(csv, "x.csv", "question;answer\nIs it red, or blue?;red\n",
        BenchmarkFormat.CSV).stream().map(BenchmarkItem::text).toList());
  }

  @Test
  void csvColumnPositionsMeanTheFileHasNoHeader() throws IOException {
    BenchmarkSpec csv = BenchmarkSpec.parse("c=x.csv:fields=0+2");
    assertEquals(List.of("a\nc", "d\nf"),
        read(csv, "x.csv", "a,b,c\nd,e,f\n", BenchmarkFormat.CSV).stream().map(BenchmarkItem::text).toList());
  }

  @Test
  void aCsvHeaderWithoutTheFieldsSaysHowToNameColumns() {
    BenchmarkSpec csv = BenchmarkSpec.parse("c=x.csv:fields=question");
    assertEquals("benchmark c: x.csv line 1: the header [a, b] has no column 'question'; for a file without a "
        + "header, give column positions (fields=0+1)", assertThrows(BenchmarkException.class,
            () -> read(csv, "x.csv", "a,b\n1,2\n", BenchmarkFormat.CSV)).getMessage());
  }

  @Test
  void aCsvRowWithAnotherNumberOfColumnsIsAnError() {
    BenchmarkSpec csv = BenchmarkSpec.parse("c=x.csv:fields=a");
    assertEquals("benchmark c: x.csv line 3: 3 columns where the header has 2 (a quote not closed?)",
        assertThrows(BenchmarkException.class, () -> read(csv, "x.csv", "a,b\n1,2\n1,2,3\n", BenchmarkFormat.CSV))
            .getMessage());
  }

  @Test
  void plainTextIsOneItemPerLine() throws IOException {
    BenchmarkSpec text = BenchmarkSpec.parse("t=items.txt");
    assertEquals(List.of(new BenchmarkItem("t", "items.txt line 1", "first item"),
        new BenchmarkItem("t", "items.txt line 3", "second item")),
        read(text, "items.txt", " first item \n\nsecond item\n", BenchmarkFormat.TEXT));
  }

  @Test
  void aPresetForPlainTextIsAnErrorUnlessThePresetReadsPlainText() throws IOException {
    BenchmarkException e = assertThrows(BenchmarkException.class, () -> read(BenchmarkSpec.parse("g=g.txt:gsm8k"),
        "g.txt", "How many pens are left?\n", BenchmarkFormat.TEXT));
    assertEquals("benchmark g: g.txt: is plain text, and preset gsm8k reads records with fields (question + answer; "
        + "context + answer); give the file in one of those layouts, or no preset to take each line as an item",
        e.getMessage());
    assertEquals(BenchmarkFormat.TEXT, BenchmarkFormat.of("items.txt.bz2").orElseThrow());
    BenchmarkException cut = assertThrows(BenchmarkException.class, () -> read(BenchmarkSpec.parse(
        "h=h.txt:hellaswag"), "h.txt", "A man mixes flour. he\n1\nsings.\n", BenchmarkFormat.TEXT));
    assertEquals("benchmark h: h.txt line 1: a record of 6 lines ends after 3 (preset hellaswag reads 6 lines a "
        + "record)", cut.getMessage());
  }

  private static List<BenchmarkItem> read(BenchmarkSpec spec, String file, String text) throws IOException {
    return read(spec, file, text, BenchmarkFormat.JSONL);
  }

  static List<BenchmarkItem> read(BenchmarkSpec spec, String file, String text, BenchmarkFormat format)
      throws IOException {
    return new BenchmarkReader(spec).read(file, format,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}

package org.corpuskit.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.extract.Extraction;
import org.corpuskit.extract.HtmlFiles;
import org.corpuskit.extract.MainContentExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract-html", mixinStandardHelpOptions = true,
    description = "Extracts the main text of HTML files; prints JSON lines {\"file\",\"title\",\"text\"}, or "
        + "{\"file\",\"error\"} for a file it cannot read (exit status 1).")
final class ExtractHtmlCommand implements Callable<Integer> {
  @Option(names = "--url", description = "The pages' URL, for resolving relative links.", defaultValue = "")
  String url;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "HTML files (.gz is un-gzipped).")
  List<Path> files;

  @Override
  public Integer call() {
    ObjectMapper json = new ObjectMapper();
    MainContentExtractor extractor = new MainContentExtractor();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    int failures = 0;
    for (Path file : files) {
      ObjectNode line = json.createObjectNode().put("file", file.toString());
      try {
        Extraction extraction = extractor.extract(HtmlFiles.read(file), url);
        line.put("title", extraction.title()).put("text", extraction.text());
      } catch (UncheckedIOException e) {
        line.put("error", e.getCause().toString());
        failures++;
      }
      out.println(line);
    }
    return failures == 0 ? 0 : 1;
  }
}

package org.corpuskit.jobs.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.stages.pack.Verify;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Reads training shards back and checks them against their manifest.json: files, sizes, "
        + "SHA-256, rows, tokens per shard and per source, every row's length, boundaries, padding and document "
        + "ends, and the tokenizer's checksum; decodes a few sequences back to text.",
        "Exit status 0 when the shards are sound, 1 otherwise."})
final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "The pack stage's folder (OUT/pack) or a run's --out.")
  String dir;

  @Option(names = "--samples", defaultValue = "3", description = "Sequences decoded and shown (default: "
      + "${DEFAULT-VALUE}).")
  int samples;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() throws IOException {
    PipelineConfig pipeline = config.load(List.of());
    return PipelineLauncher.inSession(pipeline, spark -> {
      Verify.Result result = Verify.verify(spark, dir, samples);
      result.lines().forEach(System.out::println);
      if (result.ok()) {
        System.out.println("verified: " + dir);
        return 0;
      }
      result.problems().forEach(p -> System.out.println("problem: " + p));
      System.out.printf("NOT verified: %d problems in %s%n", result.problems().size(), dir);
      return 1;
    });
  }
}

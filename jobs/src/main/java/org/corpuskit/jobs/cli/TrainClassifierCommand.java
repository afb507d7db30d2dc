package org.corpuskit.jobs.cli;

import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.DocumentFiles;
import org.corpuskit.jobs.pipeline.UsageException;
import org.corpuskit.jobs.stages.filter.TextClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train-classifier", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Trains a document classifier (hashed words and bigrams, logistic regression; Spark MLlib) on "
        + "positive and negative examples, prints its accuracy on a held-out share, and saves it for "
        + "filter.classifiers.")
final class TrainClassifierCommand implements Callable<Integer> {
  @Option(names = "--positive", required = true, paramLabel = "PATH",
      description = "Documents of the class to find: JSON lines, Parquet or .txt (one per line), file or folder.")
  String positive;

  @Option(names = "--negative", required = true, paramLabel = "PATH", description = "Documents of the other class.")
  String negative;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The model folder to write.")
  String out;

  @Option(names = "--text-field", defaultValue = "text", description = "The field holding the text (default: text).")
  String textField;

  @Option(names = "--holdout", defaultValue = "0.2",
      description = "Share of the examples held out to measure the model (default: 0.2).")
  double holdout;

  @Option(names = "--features", defaultValue = "65536",
      description = "Hash buckets for words, and as many for bigrams (default: 2^16).")
  int features;

  @Option(names = "--regularization", defaultValue = "0.01", description = "L2 strength (default: 0.01).")
  double regularization;

  @Option(names = "--iterations", defaultValue = "50", description = "Most optimiser steps (default: 50).")
  int iterations;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the held-out split (default: 1).")
  long seed;

  @Option(names = "--overwrite", description = "Replace MODEL if it exists.")
  boolean overwrite;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() throws IOException {
    TextClassifier.Options options;
    try {
      options = new TextClassifier.Options(features, regularization, iterations, holdout, seed);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PipelineConfig pipeline = config.load(List.of());
    return PipelineLauncher.inSession(pipeline, spark -> {
      Path model = new Path(out);
      if (model.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(model) && !overwrite) {
        throw new UsageException("--out " + out + " exists; give --overwrite to replace it");
      }
      Dataset<Row> examples = DocumentFiles.read(spark, positive, textField).withColumn("label", lit(1.0))
          .unionByName(DocumentFiles.read(spark, negative, textField).withColumn("label", lit(0.0)));
      TextClassifier.Trained trained = TextClassifier.train(examples, options);
      trained.model().write().overwrite().save(out);
      TextClassifier.Metrics m = trained.metrics();
      Path metrics = new Path(model, "metrics.json");
      try (OutputStream file = metrics.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(metrics)) {
        file.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(TextClassifier.asMap(m)));
      }
      System.out.printf("trained on %d documents; held out %d: accuracy %.3f precision %.3f recall %.3f "
          + "AUC %.3f%nmodel: %s%n", m.trainDocuments(), m.heldOutDocuments(), m.accuracy(), m.precision(),
          m.recall(), m.areaUnderRoc(), out);
      return 0;
    });
  }
}

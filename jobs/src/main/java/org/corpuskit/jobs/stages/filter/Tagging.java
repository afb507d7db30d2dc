package org.corpuskit.jobs.stages.filter;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.filter.FilterChain;
import org.corpuskit.filter.SafetyLists;
import org.corpuskit.filter.Signal;
import org.corpuskit.filter.Signals;
import org.corpuskit.jobs.io.Schemas;
import org.corpuskit.jobs.pipeline.RowBuilder;
import org.corpuskit.lang.LanguageIdentifier;
import scala.jdk.javaapi.CollectionConverters;

/** A document row to the same row with its text as kept and a {@code signals} column. */
final class Tagging {
  /** The signals column, as the registered taggers declare it (schemas/signals.json is generated from it). */
  static final StructType SIGNALS = SignalsSchema.of(FilterChain.signals());
  /** The documents schema with the signals column added. */
  static final StructType SCHEMA = Schemas.DOCUMENTS.add("signals", SIGNALS, false);
  /** The text as it came into the stage, before C4's line rules edited it: rejected documents keep it. */
  static final String TEXT_IN = "text_in";
  /** What {@link #tag} makes: {@link #SCHEMA} and {@value #TEXT_IN}. */
  static final StructType TAGGED = SCHEMA.add(TEXT_IN, DataTypes.StringType, true);

  private Tagging() {}

  static FilterChain chain(StopWords stopWords, SafetyLists lists, FilterChain.Options options) {
    return new FilterChain(List.of(), stopWords::of, lists, Languages.ALL, options);
  }

  /** The language models, loaded once per executor JVM when the first task needs them (seconds, 57 MB). */
  private static final class Languages {
    static final LanguageIdentifier ALL = LanguageIdentifier.ofAllLanguages();
  }

  static Row tag(FilterChain chain, Row document) {
    FilterChain.Result result = chain.apply(document.getAs("text"), document.getAs("url"));
    RowBuilder row = new RowBuilder(TAGGED);
    for (StructField field : Schemas.DOCUMENTS.fields()) {
      row.set(field.name(), document.getAs(field.name()));
    }
    return row.set("text", result.text()).set("signals", signals(result.signals()))
        .set(TEXT_IN, document.getAs("text")).build();
  }

  private static Row signals(Signals values) {
    RowBuilder row = new RowBuilder(SIGNALS);
    for (StructField field : SIGNALS.fields()) {
      Object value = values.get(field.name());
      if (value instanceof List<?> spans) {
        // Spark's row serializer takes a Scala sequence for an array column.
        value = CollectionConverters.asScala(spans.stream().map(s -> (Signal.TextSpan) s)
            .map(s -> RowFactory.create(s.type(), s.start(), s.end())).toList());
      }
      row.set(field.name(), value);
    }
    return row.build();
  }
}

package org.corpuskit.jobs.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

/**
 * Builds a row of a schema by field name, so that adding a field to a schema (a signals column, a cluster id)
 * does not shift every positional constructor. A field left unset is null. Not thread-safe; one per row.
 */
public final class RowBuilder {
  private final StructType schema;
  private final Object[] values;

  public RowBuilder(StructType schema) {
    this.schema = schema;
    this.values = new Object[schema.size()];
  }

  /** Sets a field; an unknown name fails at once, naming the schema's fields. */
  public RowBuilder set(String field, Object value) {
    int i;
    try {
      i = schema.fieldIndex(field);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("no field " + field + " in " + schema.simpleString(), e);
    }
    values[i] = value;
    return this;
  }

  public Row build() {
    return new GenericRowWithSchema(values.clone(), schema);
  }
}

package org.corpuskit.jobs.stages.filter;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.corpuskit.filter.Signal;

/**
 * The Spark schema of the filter's {@code signals} column, made from the signals the taggers declare, with their
 * descriptions; schemas/signals.json is generated from it. Thread-safe: stateless.
 */
public final class SignalsSchema {
  private SignalsSchema() {}

  public static StructType of(List<Signal> signals) {
    List<StructField> fields = new ArrayList<>();
    for (Signal signal : signals) {
      DataType type = switch (signal.type()) {
        case INT -> DataTypes.IntegerType;
        case DOUBLE -> DataTypes.DoubleType;
        case BOOLEAN -> DataTypes.BooleanType;
        case STRING -> DataTypes.StringType;
        case SPANS -> DataTypes.createArrayType(new StructType().add("type", DataTypes.StringType, false)
            .add("start", DataTypes.IntegerType, false).add("end", DataTypes.IntegerType, false), false);
      };
      fields.add(DataTypes.createStructField(signal.name(), type, true,
          new MetadataBuilder().putString("description", signal.description()).build()));
    }
    return DataTypes.createStructType(fields);
  }
}

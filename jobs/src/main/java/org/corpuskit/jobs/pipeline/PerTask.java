package org.corpuskit.jobs.pipeline;

import java.io.Serializable;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Maps rows with state that is costly to build (an extractor, models, lists, a tokenizer): the state is built
 * once per task, on the executor, and used for every row of the partition. State that is {@link AutoCloseable}
 * (a native tokenizer) is closed when the task ends, so that executors running thousands of tasks do not
 * leak it.
 */
public final class PerTask {
  private PerTask() {}

  /** Builds a task's state; runs on the executor, once per partition. */
  @FunctionalInterface
  public interface Setup<S> extends Serializable {
    S create();
  }

  /** Maps one row with the task's state. */
  @FunctionalInterface
  public interface RowMapper<S> extends Serializable {
    Row apply(S state, Row row);
  }

  public static <S> Dataset<Row> map(Dataset<Row> input, StructType output, Setup<S> setup, RowMapper<S> mapper) {
    return input.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      S state = setup.create();
      if (state instanceof AutoCloseable closeable) {
        TaskContext.get().addTaskCompletionListener((TaskCompletionListener) task -> {
          try {
            closeable.close();
          } catch (Exception e) {
            throw new IllegalStateException("cannot close the task's " + closeable.getClass().getSimpleName(), e);
          }
        });
      }
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          return mapper.apply(state, rows.next());
        }
      };
    }, Encoders.row(output));
  }
}

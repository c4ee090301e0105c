package dev.larder.runtime.internal;

import dev.larder.runtime.IncorrectResultSizeException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.result.ResultIterator;

/** Row-count rules of generated methods, with messages naming the method. */
public final class Rows {
  private Rows() {}

  /**
   * Returns the only row, for a method whose return type is a record or a scalar.
   *
   * @throws IncorrectResultSizeException if there is no row or more than one
   */
  public static <T> T exactlyOne(RepositoryMethod method, ResultIterable<T> rows) {
    try (ResultIterator<T> it = rows.iterator()) {
      if (!it.hasNext()) {
        throw new IncorrectResultSizeException(method.qualifiedName(), 1, 0,
            "declare the return type as Optional<...> if the row may be missing");
      }
      T first = it.next();
      if (it.hasNext()) {
        throw new IncorrectResultSizeException(method.qualifiedName(), 1, 2,
            "declare the return type as List<...> or make the WHERE clause select one row");
      }
      if (first == null) {
        throw new IncorrectResultSizeException(method.qualifiedName(), 1, 0,
            "the single column is NULL; declare the return type as Optional<...>");
      }
      return first;
    }
  }

  /**
   * Returns the row if there is one, for a method returning {@code Optional}. A row whose single
   * column is NULL counts as no row.
   *
   * @throws IncorrectResultSizeException if there is more than one row
   */
  public static <T> Optional<T> atMostOne(RepositoryMethod method, ResultIterable<T> rows) {
    try (ResultIterator<T> it = rows.iterator()) {
      if (!it.hasNext()) {
        return Optional.empty();
      }
      T first = it.next();
      if (it.hasNext()) {
        throw new IncorrectResultSizeException(method.qualifiedName(), 1, 2,
            "declare the return type as List<...> or make the WHERE clause select at most one row");
      }
      return Optional.ofNullable(first);
    }
  }

  /**
   * Returns the rows as an unmodifiable list, for a method returning {@code List}: a cached
   * result is one instance that every later read gets, so no caller may change it under the
   * others. Elements may be null (a list of a nullable scalar column).
   */
  public static <T> List<T> list(ResultIterable<T> rows) {
    return Collections.unmodifiableList(rows.list());
  }

  /** Sums update counts of a batch. */
  public static long sum(int[] counts) {
    long total = 0;
    for (int c : counts) {
      total += Math.max(c, 0);
    }
    return total;
  }

  /** Checks that a batch's argument is not null; an empty batch is fine and writes nothing. */
  public static <T> Iterable<T> batch(RepositoryMethod method, String parameter, Iterable<T> rows) {
    if (rows == null) {
      throw new IllegalArgumentException(method.qualifiedName() + ": " + parameter
          + " is null; pass an empty collection to write nothing");
    }
    return rows;
  }

  /**
   * Checks that a collection bound as a PostgreSQL array is not null: {@code = ANY(NULL)} would
   * silently match nothing.
   */
  public static <T> Iterable<T> array(RepositoryMethod method, String parameter, Iterable<T> values) {
    if (values == null) {
      throw new IllegalArgumentException(method.qualifiedName() + ": " + parameter
          + " is null; pass an empty collection to match nothing");
    }
    return values;
  }

  /** Converts a long update count to the int a method declared, refusing to overflow. */
  public static int toIntCount(RepositoryMethod method, long count) {
    if (count > Integer.MAX_VALUE) {
      throw new ArithmeticException(method.qualifiedName() + " changed " + count
          + " rows, more than an int holds; declare the method to return long");
    }
    return (int) count;
  }
}

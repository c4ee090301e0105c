package dev.larder.runtime;

import org.jdbi.v3.core.Handle;

/**
 * A unit of work run in a transaction. Repository calls made inside it share the transaction;
 * {@code handle} is there for SQL of your own. It may run more than once when the transaction is
 * retried, so it must have no effects outside the database.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
public interface TransactionWork<T> {

  /**
   * Does the work.
   *
   * @param handle the transaction's JDBI handle
   * @return the result
   */
  T run(Handle handle);
}

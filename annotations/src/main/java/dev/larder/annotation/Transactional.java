package dev.larder.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a default method of a {@link CachedRepository} interface in one database transaction: the
 * generated implementation overrides it and calls the interface's body inside
 * {@code Larder.inTransaction}. Every repository call the body makes shares the transaction; a
 * call from inside another transaction joins it.
 *
 * <p>The transaction is retried from the start when PostgreSQL reports a serialization failure
 * (SQLSTATE {@code 40001}) or a deadlock ({@code 40P01}), with exponential backoff and full
 * jitter, until {@link #maxAttempts()} or {@link #deadline()} runs out; so the body must be safe to
 * run again (no side effects outside the database). Tags invalidated by its writes are bumped
 * once, after the final commit, and never on rollback.
 *
 * <p>Values left at their defaults take the runtime's defaults (see {@code TransactionOptions}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Transactional {

  /** The name transaction statistics are kept under; default {@code Repository.method}. */
  String name() default "";

  /** The isolation level. */
  Isolation isolation() default Isolation.DEFAULT;

  /** Whether the transaction may only read; a write in it fails with SQLSTATE 25006. */
  boolean readOnly() default false;

  /** How many times the body may run in all; 0 means the runtime's default. */
  int maxAttempts() default 0;

  /** The overall time budget across attempts, ISO-8601; empty means the runtime's default. */
  String deadline() default "";

  /** Extra SQLSTATEs to retry besides 40001 and 40P01, e.g. {@code "55P03"} (lock timeout). */
  String[] retryOn() default {};
}

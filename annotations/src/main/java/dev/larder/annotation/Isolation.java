package dev.larder.annotation;

/** Transaction isolation levels, as PostgreSQL implements them. */
public enum Isolation {
  /** The database's default (READ COMMITTED unless configured otherwise). */
  DEFAULT,
  /** Each statement sees what was committed before it began. */
  READ_COMMITTED,
  /** The whole transaction sees one snapshot; conflicting writes fail with SQLSTATE 40001. */
  REPEATABLE_READ,
  /**
   * Transactions behave as if run one after the other; those that cannot fail with SQLSTATE
   * 40001 and are retried.
   */
  SERIALIZABLE
}

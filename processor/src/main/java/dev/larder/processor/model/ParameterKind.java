package dev.larder.processor.model;

/** How a method parameter is bound to SQL. */
public enum ParameterKind {
  /** One value, bound by its name. */
  SCALAR,
  /** A collection of scalars, bound as a PostgreSQL array. */
  ARRAY,
  /** A record: its components are bound by their names. */
  RECORD,
  /** A collection of records on an {@code @Update}: one statement per element, in a batch. */
  BATCH,
  /** The {@code PageRequest} of an offset-paged read; becomes LIMIT and OFFSET, not bound. */
  PAGE_REQUEST,
  /** The {@code Cursor} of a keyset-paged read; becomes the seek predicate, not bound. */
  CURSOR,
  /** The {@code int limit} of a keyset-paged read; becomes LIMIT, not bound. */
  LIMIT,
  /** Not bindable; reported by validation. */
  UNSUPPORTED;

  /** Whether this kind says which page to read rather than binding an SQL name. */
  public boolean paging() {
    return this == PAGE_REQUEST || this == CURSOR || this == LIMIT;
  }
}

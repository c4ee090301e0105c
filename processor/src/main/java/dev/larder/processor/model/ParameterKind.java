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
  /** Not bindable; reported by validation. */
  UNSUPPORTED
}

package dev.larder.processor.model;

/** What a method returns around its element type. */
public enum ResultShape {
  /** Exactly one row: a record or a scalar. */
  SINGLE,
  /** Zero or one row. */
  OPTIONAL,
  /** Any number of rows. */
  LIST,
  /** One page of rows, {@code Page<T>}, read with LIMIT and OFFSET. */
  PAGE,
  /** One page of rows, {@code CursorPage<T>}, read by keyset after or before a cursor. */
  CURSOR_PAGE,
  /** An update returning nothing. */
  VOID,
  /** An update returning its row count as an int. */
  COUNT_INT,
  /** An update returning its row count as a long. */
  COUNT_LONG,
  /** Not supported; reported by validation. */
  UNSUPPORTED
}

package dev.larder.example;

import dev.larder.annotation.EnumLabel;

/** The PostgreSQL enum type {@code mpaa_rating}, two of whose labels are no Java identifiers. */
public enum MpaaRating {
  /** General audiences. */
  G,
  /** Parental guidance suggested. */
  PG,
  /** Parents strongly cautioned. */
  @EnumLabel("PG-13") PG_13,
  /** Restricted. */
  R,
  /** Adults only. */
  @EnumLabel("NC-17") NC_17
}

package dev.larder.processor.model;

/** What a repository method does. */
public enum MethodKind {
  /** {@code @Query}: reads rows, cached unless {@code cached = false}. */
  QUERY,
  /** {@code @Update}: changes rows, invalidates tags. */
  UPDATE
}

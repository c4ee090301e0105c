package dev.larder.consistency;

/**
 * What a worker calls, whatever the consistency mode of the generated repository behind it. The
 * two annotated interfaces extending it carry the same SQL.
 */
public interface VersionedRepository {

  /** Reads a row, through the cache. */
  Row byId(int id);

  /**
   * Sets a row's version if it is greater than the current one.
   *
   * @return 1 if the row now holds {@code version}, 0 if it already held a greater one
   */
  int setVersion(int id, long version);
}

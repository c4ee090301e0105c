package dev.larder.processor.model;

import java.util.List;

/**
 * What paging, batching and validation need to know about the clauses of a statement (outside
 * quotes and comments; at its top level, outside parentheses, unless said otherwise).
 *
 * @param orderByStart where a trailing top-level {@code ORDER BY} starts, when nothing but the
 *     order follows it (no {@code LIMIT}, {@code OFFSET}, {@code FETCH} or {@code FOR}), so that a
 *     count or a keyset wrapper may drop it; -1 otherwise
 * @param hasOrderBy whether the statement has a top-level {@code ORDER BY}
 * @param hasLimit whether the statement has a top-level {@code LIMIT}, {@code OFFSET} or
 *     {@code FETCH}, which offset paging cannot add to
 * @param insertValues the statement split for multi-row inserts, or null when it is not an
 *     {@code INSERT ... VALUES (...)} that can be
 * @param dataChange the upper-case keyword of a statement that changes data, {@code INSERT},
 *     {@code UPDATE}, {@code DELETE} or {@code MERGE}, at any depth (a {@code WITH x AS (DELETE
 *     ...)} too); null when there is none
 * @param locking the first locking clause at any depth, e.g. {@code FOR UPDATE} or
 *     {@code FOR NO KEY UPDATE}, upper case; null when there is none
 * @param returning whether the statement has a top-level {@code RETURNING}, so that a write gives
 *     rows (a {@code RETURNING} inside a CTE feeds the outer statement, not the caller)
 * @param sideEffects the well-known state-changing functions the statement calls
 *     ({@code nextval}, {@code pg_advisory_lock}...), lower case, each once
 */
public record SqlClauses(
    int orderByStart,
    boolean hasOrderBy,
    boolean hasLimit,
    InsertValues insertValues,
    String dataChange,
    String locking,
    boolean returning,
    List<String> sideEffects) {

  /**
   * An {@code INSERT ... VALUES (...) [ON CONFLICT ... DO NOTHING]} whose parameters are all in
   * its one tuple.
   *
   * @param head the text up to and including {@code VALUES}
   * @param tuple the tuple with each {@code :name} replaced by {@code ?}
   * @param names the SQL names of the {@code ?}s, in order (a name used twice appears twice)
   * @param tail the text after the tuple, without a trailing semicolon; empty or the
   *     {@code ON CONFLICT ... DO NOTHING} clause
   */
  public record InsertValues(String head, String tuple, List<String> names, String tail) {}
}

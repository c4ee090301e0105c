package dev.larder.processor.model;

import java.util.List;
import java.util.Set;

/**
 * A statement as the compile-time schema check sends it to PostgreSQL, and what the check needs
 * to know of its text that PostgreSQL's description does not say. Made by the read stage from the
 * lexer's tokens; nothing here parses SQL.
 *
 * @param jdbc the text for pgjdbc's {@code prepareStatement}: each {@code :name} a {@code ?} (as
 *     JDBI sends it), each {@code ?} operator the escape {@code ??}
 * @param server the text PostgreSQL receives: each {@code :name} a {@code $n}, numbered by
 *     occurrence
 * @param occurrences the SQL name of each {@code $n}, in order ({@code $1} first); a name used
 *     twice appears twice
 * @param shifts where {@code server} and the SQL as written differ: pairs of offsets
 *     {@code (server, written)} at the start of each rewritten parameter and after it
 * @param star where a top-level {@code SELECT *} (or {@code alias.*}) is in the SQL as written,
 *     or -1
 * @param outerJoined the lower-case names of the tables named on the nullable side of a
 *     {@code LEFT JOIN}, or inside a parenthesized one
 * @param everyTableOuterJoined whether a {@code RIGHT} or {@code FULL} join makes the columns of
 *     every table nullable
 */
public record SchemaText(
    String jdbc,
    String server,
    List<String> occurrences,
    List<Integer> shifts,
    int star,
    Set<String> outerJoined,
    boolean everyTableOuterJoined) {

  /**
   * The 1-based position in the SQL as written of the 1-based position {@code serverPosition} in
   * {@link #server()}, which is where PostgreSQL reports an error.
   */
  public int writtenPosition(int serverPosition) {
    int at = serverPosition - 1;
    int server = 0;
    int written = 0;
    for (int i = 0; i + 1 < shifts.size(); i += 2) {
      if (shifts.get(i) > at) {
        break;
      }
      server = shifts.get(i);
      written = shifts.get(i + 1);
    }
    return written + (at - server) + 1;
  }

  /** Whether a column of {@code table} (as pgjdbc names a base table) may be NULL by a join. */
  public boolean outerJoined(String table) {
    return everyTableOuterJoined || outerJoined.contains(table.toLowerCase(java.util.Locale.ROOT));
  }
}

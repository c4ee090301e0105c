package dev.larder.runtime.internal;

import static java.util.Objects.requireNonNull;

import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import dev.larder.runtime.PageRequest;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A keyset-paged read: its three statements, which the processor derives from the method's SQL
 * and {@code @OrderBy}, and the cursors that lead from one page to the next. Generated code
 * creates one constant per method returning {@link CursorPage}.
 *
 * <p>The statements wrap the method's SQL: {@code SELECT * FROM (<sql>) larder_page}, then
 * {@code ORDER BY} the sort columns and {@code LIMIT :larder_limit}; the statement after a cursor
 * adds the seek predicate {@code WHERE} the row sorts after the cursor's values (bound as
 * {@code :larder_k0}, {@code :larder_k1}, ...), the statement before a cursor the same with every
 * direction reversed, its rows put back in order here.
 *
 * @param <R> the row type
 */
public final class Keyset<R> {
  /** The SQL name of the number of rows to read (the limit and one more). */
  static final String LIMIT = "larder_limit";
  /** The prefix of the SQL names of the cursor's values: {@code larder_k0}, ... */
  static final String VALUE_PREFIX = "larder_k";

  private final RepositoryMethod method;
  private final String firstSql;
  private final String afterSql;
  private final String beforeSql;
  private final List<Column> columns;
  private final List<SortType> types;
  private final Function<R, Object[]> sortValues;

  /** A sort column: its name in the SQL, its type and direction. */
  public record Column(String name, SortType type, boolean descending) {
    public Column {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
    }

    /** A column sorted in ascending order, {@code ORDER BY name}. */
    public static Column ascending(String name, SortType type) {
      return new Column(name, type, false);
    }

    /** A column sorted in descending order, {@code ORDER BY name DESC}. */
    public static Column descending(String name, SortType type) {
      return new Column(name, type, true);
    }
  }

  /**
   * @param method the repository method, whose fingerprint cursors carry
   * @param firstSql the statement of the first page, without a cursor
   * @param afterSql the statement of the page after a cursor
   * @param beforeSql the statement of the page before a cursor, in reversed order
   * @param columns the sort columns, in order
   * @param sortValues the values of the sort columns of a row, in order
   */
  public Keyset(RepositoryMethod method, String firstSql, String afterSql, String beforeSql,
      List<Column> columns, Function<R, Object[]> sortValues) {
    this.method = requireNonNull(method, "method");
    this.firstSql = requireNonNull(firstSql, "firstSql");
    this.afterSql = requireNonNull(afterSql, "afterSql");
    this.beforeSql = requireNonNull(beforeSql, "beforeSql");
    this.columns = List.copyOf(columns);
    this.types = this.columns.stream().map(Column::type).toList();
    this.sortValues = requireNonNull(sortValues, "sortValues");
    if (this.columns.isEmpty() || this.columns.size() > 255) {
      throw new IllegalArgumentException("a keyset has 1 to 255 columns: " + method);
    }
  }

  /**
   * The part a cursor and limit add to a cache key, {@code [after=<token>,limit=20]}, with the
   * token encoded as any key part ({@code ~} for the first page, hashed when long).
   */
  public static String keyPart(Cursor cursor, int limit) {
    return "[after=" + KeyEncoding.part(cursor == null ? null : cursor.token()) + ",limit="
        + limit + "]";
  }

  /**
   * Checks the arguments of a call and decodes its cursor, before the cache or the database is
   * asked anything.
   *
   * @param support the runtime's support, whose cursor key checks the cursor and signs the ones
   *     the page hands out
   * @param cursor the cursor, or null for the first page
   * @param limit the most rows to return
   * @throws IllegalArgumentException if the limit is out of range, or the cursor is malformed,
   *     cut short, altered, not signed with the runtime's key (when it has one), not made by this
   *     query, or holds values the sort columns cannot hold
   */
  public Position position(RepositorySupport support, Cursor cursor, int limit) {
    return position(support.cursorKey(), cursor, limit);
  }

  Position position(CursorKey key, Cursor cursor, int limit) {
    if (limit < 1 || limit > PageRequest.MAX_SIZE) {
      throw new IllegalArgumentException(method.qualifiedName() + ": limit must be between 1 and "
          + PageRequest.MAX_SIZE + " but was " + limit);
    }
    if (cursor == null) {
      return new Position(key, firstSql, null, types, limit, false, true);
    }
    CursorTokens.Content content;
    try {
      content = CursorTokens.decode(key, cursor, method.fingerprint(), types);
    } catch (CursorTokens.MalformedCursorException e) {
      throw notForThisQuery(e.getMessage());
    }
    return new Position(key, content.before() ? beforeSql : afterSql, content.values(), types,
        limit, content.before(), false);
  }

  private IllegalArgumentException notForThisQuery(String reason) {
    return new IllegalArgumentException(method.qualifiedName() + ": cursor is not for this query ("
        + reason + "); pass a cursor this method returned, or null for the first page");
  }

  /**
   * Builds the page from the rows the position's statement read: at most one more than the
   * limit, which tells whether another page follows in the direction read.
   */
  public CursorPage<R> page(Position position, List<R> rows) {
    boolean more = rows.size() > position.limit;
    List<R> content = new ArrayList<>(more ? rows.subList(0, position.limit) : rows);
    if (position.backward) {
      Collections.reverse(content);
    }
    if (content.isEmpty()) {
      return new CursorPage<>(content, null, null);
    }
    Cursor next;
    Cursor previous;
    if (position.backward) {
      previous = more ? cursor(position.key, true, content.get(0)) : null;
      next = cursor(position.key, false, content.get(content.size() - 1));
    } else {
      next = more ? cursor(position.key, false, content.get(content.size() - 1)) : null;
      previous = position.first ? null : cursor(position.key, true, content.get(0));
    }
    return new CursorPage<>(content, next, previous);
  }

  private Cursor cursor(CursorKey key, boolean before, R row) {
    Object[] values = sortValues.apply(row);
    for (int i = 0; i < values.length; i++) {
      Column column = columns.get(i);
      if (values[i] == null) {
        throw new IllegalStateException(method.qualifiedName() + ": sort column " + column.name()
            + " is NULL in a row, and a keyset cannot seek past NULL; select COALESCE("
            + column.name() + ", ...) AS " + column.name() + " or filter the NULLs out");
      }
    }
    return CursorTokens.encode(key, before, method.fingerprint(), types, values);
  }

  /**
   * Where a call starts reading: the statement to run and the values it binds. Created by
   * {@link Keyset#position}.
   */
  public static final class Position {
    private final CursorKey key;
    private final String sql;
    private final Object[] values;
    private final List<SortType> types;
    private final int limit;
    private final boolean backward;
    private final boolean first;

    private Position(CursorKey key, String sql, Object[] values, List<SortType> types, int limit,
        boolean backward, boolean first) {
      this.key = key;
      this.sql = sql;
      this.values = values;
      this.types = types;
      this.limit = limit;
      this.backward = backward;
      this.first = first;
    }

    /** The statement to run. */
    public String sql() {
      return sql;
    }

    /** Binds the cursor's values, typed as its columns, and the limit (and one more row). */
    public <S extends SqlStatement<S>> S bind(S statement) {
      S bound = statement.bind(LIMIT, limit + 1);
      if (values != null) {
        for (int i = 0; i < values.length; i++) {
          // An enum's label goes untyped, so that PostgreSQL compares it as the column's type.
          bound = types.get(i) == SortType.ENUM
              ? bound.bindBySqlType(VALUE_PREFIX + i, values[i], Types.OTHER)
              : bound.bindByType(VALUE_PREFIX + i, values[i], types.get(i).boundType());
        }
      }
      return bound;
    }
  }
}

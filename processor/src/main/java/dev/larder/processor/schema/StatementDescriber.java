package dev.larder.processor.schema;

import dev.larder.processor.model.SchemaText;
import dev.larder.processor.model.SqlColumn;
import dev.larder.processor.model.StatementDescription;
import dev.larder.processor.model.StatementDescription.Refusal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Asks PostgreSQL to describe a statement, without running it: pgjdbc prepares it (Parse and
 * Describe only) and reads the parameter and row descriptions; the catalog gives each type's name
 * and the {@code NOT NULL} of each column that comes straight from a table; a second
 * {@code PREPARE} with the types Larder binds tells whether PostgreSQL accepts those.
 */
final class StatementDescriber {
  private static final String CHECK_STATEMENT = "larder_check";
  private static final String TYPE_QUERY = "SELECT t.typname, format_type(t.oid, NULL),"
      + " t.typtype = 'e' FROM pg_type t WHERE t.oid = ?::regtype";
  private static final String UNIQUE_KEYS_QUERY = "SELECT ARRAY(SELECT a.attname::text"
      + " FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)"
      + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord)"
      + " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
      + " JOIN pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE c.relname = ? AND n.nspname = ? AND i.indisunique AND i.indpred IS NULL"
      + " AND 0 <> ALL (i.indkey) ORDER BY i.indisprimary DESC, i.indexrelid";

  private final Connection connection;
  private final Map<String, SqlType> types = new HashMap<>();
  /** The unique keys of each table, {@code schema.table}, read once per compilation. */
  private final Map<String, List<List<String>>> tableKeys = new HashMap<>();

  StatementDescriber(Connection connection) {
    this.connection = connection;
  }

  private record SqlType(String name, String display, boolean enumType) {}

  /** A catalog query that failed inside a computeIfAbsent, unwrapped by {@link #describe}. */
  private static final class CatalogFailure extends RuntimeException {
    CatalogFailure(SQLException cause) {
      super(cause);
    }
  }

  /**
   * Describes {@code text}.
   *
   * @param bindTypes for each {@code $n}, the type Larder binds its value as, or null where it
   *     leaves the type to PostgreSQL
   * @throws SQLException when the server fails, not the statement
   */
  StatementDescription describe(SchemaText text, List<String> bindTypes) throws SQLException {
    try {
      return describeStatement(text, bindTypes);
    } catch (CatalogFailure e) {
      throw (SQLException) e.getCause();
    }
  }

  private StatementDescription describeStatement(SchemaText text, List<String> bindTypes)
      throws SQLException {
    List<String> parameterTypes = new ArrayList<>();
    List<SqlColumn> columns = new ArrayList<>();
    Map<String, List<List<String>>> uniqueKeys = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(text.jdbc())) {
      ParameterMetaData parameters = statement.getParameterMetaData();
      for (int i = 1; i <= parameters.getParameterCount(); i++) {
        parameterTypes.add(parameters.getParameterTypeName(i));
      }
      ResultSetMetaData row = statement.getMetaData();
      int count = row == null ? 0 : row.getColumnCount();
      PGResultSetMetaData pg = row == null ? null : row.unwrap(PGResultSetMetaData.class);
      for (int i = 1; i <= count; i++) {
        SqlType type = type(unserial(row.getColumnTypeName(i)));
        String table = pg.getBaseTableName(i);
        String schema = pg.getBaseSchemaName(i);
        boolean notNull = !table.isEmpty()
            && row.isNullable(i) == ResultSetMetaData.columnNoNulls;
        columns.add(new SqlColumn(row.getColumnLabel(i), type.name(), type.display(),
            type.enumType(), table, pg.getBaseColumnName(i), notNull,
            !table.isEmpty() && text.outerJoined(table)));
        if (!table.isEmpty() && !uniqueKeys.containsKey(table)) {
          uniqueKeys.put(table, tableKeys.computeIfAbsent(schema + "." + table,
              qualified -> uniqueKeys(table, schema)));
        }
      }
    } catch (PSQLException e) {
      Refusal refusal = refusal(e, text, 0);
      if (refusal == null) {
        throw e;
      }
      return new StatementDescription(refusal, List.of(), List.of(), Map.of());
    }
    List<StatementDescription.Parameter> described = new ArrayList<>();
    for (int i = 0; i < parameterTypes.size(); i++) {
      SqlType inferred = type(parameterTypes.get(i));
      String bind = i < bindTypes.size() ? bindTypes.get(i) : null;
      Refusal bindRefusal = bind == null || bind.equals(inferred.name()) ? null
          : prepareTyped(text, parameterTypes.size(), i, bind);
      described.add(new StatementDescription.Parameter(text.occurrences().get(i),
          inferred.name(), inferred.display(), bindRefusal));
    }
    return new StatementDescription(null, List.copyOf(described), List.copyOf(columns),
        Map.copyOf(uniqueKeys));
  }

  /**
   * Prepares the statement with parameter {@code typed} declared as {@code bind} and the others
   * left to PostgreSQL; returns its error, or null when it accepts.
   */
  private Refusal prepareTyped(SchemaText text, int count, int typed, String bind)
      throws SQLException {
    List<String> declared = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      declared.add(i == typed ? bind : "unknown");
    }
    String prefix = "PREPARE " + CHECK_STATEMENT + " (" + String.join(", ", declared) + ") AS ";
    try (Statement statement = connection.createStatement()) {
      statement.execute(prefix + text.server());
      statement.execute("DEALLOCATE " + CHECK_STATEMENT);
      return null;
    } catch (PSQLException e) {
      Refusal refusal = refusal(e, text, prefix.length());
      if (refusal == null) {
        throw e;
      }
      return refusal;
    }
  }

  /** PostgreSQL's error as a refusal of the statement, or null when it is no statement error. */
  private static Refusal refusal(PSQLException e, SchemaText text, int prefix) {
    ServerErrorMessage error = e.getServerErrorMessage();
    if (error == null || error.getSQLState() == null || error.getSQLState().startsWith("08")) {
      return null;
    }
    String message = error.getMessage();
    if (error.getHint() != null) {
      message += " (" + error.getHint() + ")";
    }
    int position = text != null && error.getPosition() > prefix
        ? text.writtenPosition(error.getPosition() - prefix) : 0;
    return new Refusal(message, error.getSQLState(), position);
  }

  /** pgjdbc names the type of a column with a sequence default after its DDL shorthand. */
  private static String unserial(String name) {
    return switch (name) {
      case "bigserial" -> "int8";
      case "serial" -> "int4";
      case "smallserial" -> "int2";
      default -> name;
    };
  }

  private SqlType type(String name) throws SQLException {
    SqlType known = types.get(name);
    if (known != null) {
      return known;
    }
    try (PreparedStatement statement = connection.prepareStatement(TYPE_QUERY)) {
      statement.setString(1, name);
      try (ResultSet rs = statement.executeQuery()) {
        SqlType type = rs.next() ? new SqlType(rs.getString(1), rs.getString(2), rs.getBoolean(3))
            : new SqlType(name, name, false);
        types.put(name, type);
        return type;
      }
    } catch (PSQLException e) {
      if (refusal(e, null, 0) == null) {
        throw e;
      }
      return new SqlType(name, name, false); // a name regtype does not read: kept as pgjdbc gave it
    }
  }

  private List<List<String>> uniqueKeys(String table, String schema) {
    List<List<String>> keys = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(UNIQUE_KEYS_QUERY)) {
      statement.setString(1, table);
      statement.setString(2, schema);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Array columns = rs.getArray(1);
          keys.add(List.of((String[]) columns.getArray()));
        }
      }
    } catch (SQLException e) {
      throw new CatalogFailure(e);
    }
    return List.copyOf(keys);
  }
}

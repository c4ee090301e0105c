package dev.larder.runtime;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/**
 * A repository method failed in the database: bad SQL, a constraint violated, a lost connection.
 * The message names the method ({@code ProductRepository.findById}) and the PostgreSQL SQLSTATE;
 * the JDBI/JDBC exception is the cause.
 */
public class RepositoryException extends LarderException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String sqlState;

  /**
   * Creates an exception for a failed repository call.
   *
   * @param method the method that failed, as {@code Repository.method}
   * @param message what went wrong
   * @param cause the underlying failure, or null
   */
  public RepositoryException(String method, String message, Throwable cause) {
    super(method + ": " + message, cause);
    this.method = method;
    this.sqlState = sqlStateOf(cause);
  }

  /** Returns the failed method as {@code Repository.method}. */
  public String method() {
    return method;
  }

  /**
   * Returns the SQLSTATE of the underlying {@link SQLException} ({@code 23505} for a unique
   * violation, {@code 40001} for a serialization failure), or null when the failure did not come
   * from the database.
   */
  public String sqlState() {
    return sqlState;
  }

  /**
   * Whether a failed statement may nevertheless have taken effect: true unless PostgreSQL itself
   * rejected it with an error that ends the statement (and, in autocommit, its transaction). A
   * failure without a server error (the connection broke, a step after the statement failed in
   * the client) or a connection-level one (class 08, 57P: shutdown, 40003: completion unknown)
   * leaves the outcome unknown.
   */
  static boolean outcomeUnknown(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PSQLException server && server.getServerErrorMessage() != null) {
        String state = server.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P")
            || state.equals("40003");
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return true;
  }

  static String sqlStateOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}

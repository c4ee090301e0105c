package dev.larder.runtime;

import java.sql.SQLException;

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

package dev.larder.runtime;

/**
 * A method declared to return exactly one row (a record or a scalar) got none or several, or a
 * method returning {@code Optional} got several. The message names the method and the count.
 */
public final class IncorrectResultSizeException extends RepositoryException {
  private static final long serialVersionUID = 1L;

  private final int expected;
  private final int actual;

  /**
   * Creates the exception.
   *
   * @param method the method, as {@code Repository.method}
   * @param expected the number of rows the method's return type allows at most (1)
   * @param actual the number of rows seen (0, or 2 meaning "more than one")
   * @param hint how to fix it
   */
  public IncorrectResultSizeException(String method, int expected, int actual, String hint) {
    super(method, describe(expected, actual) + "; " + hint, null);
    this.expected = expected;
    this.actual = actual;
  }

  private static String describe(int expected, int actual) {
    return actual == 0
        ? "expected exactly " + expected + " row but the query returned none"
        : "expected at most " + expected + " row but the query returned more";
  }

  /** Returns the number of rows the method allows. */
  public int expected() {
    return expected;
  }

  /** Returns the number of rows seen: 0, or 2 for "more than one". */
  public int actual() {
    return actual;
  }
}

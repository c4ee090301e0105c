package dev.larder.runtime;

/** The base of every exception Larder throws. Unchecked, as JDBI's and JDBC wrappers are. */
public class LarderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong and, where it can be said, how to fix it
   * @param cause the underlying failure, or null
   */
  public LarderException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception without a cause.
   *
   * @param message what went wrong and, where it can be said, how to fix it
   */
  public LarderException(String message) {
    super(message);
  }
}

package dev.larder.runtime;

/**
 * A transaction failed with retryable errors until its attempts or its deadline ran out. The
 * message says how many attempts were made; the last failure is the cause, the earlier ones are
 * suppressed exceptions.
 */
public final class TransactionFailedException extends LarderException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param attempts how many attempts were made
   * @param last the last failure
   */
  public TransactionFailedException(String message, int attempts, Throwable last) {
    super(message, last);
    this.attempts = attempts;
  }

  /** Returns how many attempts were made. */
  public int attempts() {
    return attempts;
  }
}

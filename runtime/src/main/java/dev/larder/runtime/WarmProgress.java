package dev.larder.runtime;

/** Told after every call of a {@link Larder#warm} run; called from the warming threads. */
@FunctionalInterface
public interface WarmProgress {

  /**
   * Reports progress.
   *
   * @param done calls finished so far, failed ones included
   * @param total calls in all
   * @param failed calls that threw so far
   */
  void progress(int done, int total, int failed);
}

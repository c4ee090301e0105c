package dev.larder.consistency;

import java.util.Map;

/**
 * What the checker found for one mode, in one process or in all of them. Lags are in
 * milliseconds and are taken over the stale reads only (a fresh read has no lag); times are
 * relative to the start of the run.
 *
 * @param mode the consistency mode
 * @param process the process, or null for all of them
 * @param reads successful reads
 * @param failedReads reads that threw
 * @param writes writes that changed their row
 * @param unchangedWrites writes that changed nothing (a newer version was already there)
 * @param failedWrites writes that threw (they may have committed)
 * @param staleOwnProcess stale reads made stale by a write of the reader's own process
 * @param staleCrossProcess the other stale reads: made stale only by other processes' writes
 * @param crossLagP50Ms median lag of the cross-process stale reads
 * @param crossLagP99Ms their 99th percentile
 * @param crossLagP999Ms their 99.9th percentile
 * @param crossLagMaxMs their maximum
 * @param readLagP99Ms the 99th percentile of the cross-process lag over every read (a fresh
 *     read counts as lag 0), the other reading of "p99 lag"
 * @param readLagP999Ms the same at 99.9 %
 * @param ownLagMaxMs the maximum lag of the own-process stale reads
 * @param staleOutside reads made stale only by writes of outside writers (without Larder),
 *     which the cache learns of through database notifications; not in {@link #stale()}
 * @param outsideLagP50Ms median lag of those reads
 * @param outsideLagP99Ms their 99th percentile
 * @param outsideLagMaxMs their maximum
 * @param firstStaleMs when the first own- or cross-process stale read started, or null
 * @param lastStaleMs when the last one started, or null
 * @param invented reads of a version no write ever tried to set
 * @param errors failed calls by exception class
 * @param worstStale the own- or cross-process stale read with the longest lag, or null
 * @param writeP50Ms median time of a successful write, start to return (it includes the
 *     invalidation wait)
 * @param writeP99Ms its 99th percentile
 * @param writeMaxMs the longest
 */
public record Figures(
    Operation.Mode mode, Integer process, long reads, long failedReads, long writes,
    long unchangedWrites, long failedWrites, long staleOwnProcess, long staleCrossProcess,
    double crossLagP50Ms, double crossLagP99Ms, double crossLagP999Ms, double crossLagMaxMs,
    double readLagP99Ms, double readLagP999Ms,
    double ownLagMaxMs, long staleOutside, double outsideLagP50Ms, double outsideLagP99Ms,
    double outsideLagMaxMs, Double firstStaleMs, Double lastStaleMs, long invented,
    Map<String, Long> errors, StaleRead worstStale, double writeP50Ms, double writeP99Ms,
    double writeMaxMs) {

  /**
   * The stale reads that Larder's writes made: own-process and cross-process, not
   * {@link #staleOutside() outside}.
   */
  public long stale() {
    return staleOwnProcess + staleCrossProcess;
  }

  /**
   * One stale read, for the report.
   *
   * @param process its process
   * @param thread its thread
   * @param row the row read
   * @param versionRead the version it returned
   * @param startMs when it started, relative to the start of the run
   * @param lagMs how long before it started the first newer write had returned
   */
  public record StaleRead(int process, int thread, int row, long versionRead, double startMs,
      double lagMs) {}
}

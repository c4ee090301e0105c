package dev.larder.runtime;

/**
 * Counters of the transactions run under one name since the runtime started.
 *
 * @param total transactions started (outermost calls, not attempts)
 * @param committed transactions that committed
 * @param rolledBack transactions that ended rolled back (failed for good)
 * @param retries attempts that failed with a retryable error and ran again
 * @param deadlocks attempts that failed with SQLSTATE 40P01
 * @param serializationFailures attempts that failed with SQLSTATE 40001
 */
public record TransactionStats(
    long total, long committed, long rolledBack, long retries, long deadlocks,
    long serializationFailures) {}

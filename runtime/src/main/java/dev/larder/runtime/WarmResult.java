package dev.larder.runtime;

import java.time.Duration;

/**
 * What {@link Larder#warm} did.
 *
 * @param total how many arguments it was given
 * @param warmed how many calls returned
 * @param failed how many calls threw (logged, not rethrown)
 * @param took how long it took
 */
public record WarmResult(int total, int warmed, int failed, Duration took) {}

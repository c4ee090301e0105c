package dev.larder.consistency.harness;

import dev.larder.consistency.CheckResult;
import java.util.List;

/**
 * One scenario's run: what was done, what the checker found, and what went wrong with the harness
 * itself (which, unlike stale reads, fails the test).
 *
 * @param scenario the scenario label
 * @param description what the fault is
 * @param timeline the faults as they happened, ms since the start
 * @param check the checker's figures
 * @param goals each goal of the cache protocol, met or not
 * @param runtimeFindings runtime failures seen outside the history (a worker whose runtime could
 *     not be built), empty when none
 * @param harnessProblems what kept the run from being a valid test, empty when none
 * @param wallSeconds how long the scenario took, start of servers to end of check
 */
record ScenarioResult(String scenario, String description, List<String> timeline,
    CheckResult check, List<Goal> goals, List<String> runtimeFindings, List<String> harnessProblems, double wallSeconds) {

  /**
   * One goal and whether this run met it.
   *
   * @param goal what is promised
   * @param met whether it held
   * @param observed the figure behind the verdict
   */
  record Goal(String goal, boolean met, String observed) {}
}

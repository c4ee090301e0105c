package dev.larder.consistency;

import java.util.List;
import java.util.Set;

/**
 * The checker's verdict on one history.
 *
 * @param byMode figures per mode, all processes together
 * @param byProcess figures per mode and process
 * @param invented the first reads (at most {@value HistoryChecker#INVENTED_KEPT}) that returned a
 *     version no write of their row ever tried to set
 * @param outsideWriters the processes that wrote without Larder
 */
public record CheckResult(List<Figures> byMode, List<Figures> byProcess, List<Operation> invented,
    Set<Integer> outsideWriters) {

  /** The figures of one mode over all processes; every mode of the history has them. */
  public Figures mode(Operation.Mode mode) {
    return byMode.stream().filter(f -> f.mode() == mode).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operations in mode " + mode));
  }
}

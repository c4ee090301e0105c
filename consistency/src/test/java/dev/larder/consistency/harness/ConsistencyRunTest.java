package dev.larder.consistency.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.consistency.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The consistency run inside {@code mvn verify}: every scenario, short. It fails on what makes the
 * run worthless (a worker that crashed or did nothing, a fault that never fired, a server that
 * would not start), not on the stale reads it finds: those are the report's business while the
 * runtime is being fixed, with one exception: a STRICT read made stale by a Larder write fails
 * it in the scenarios that leave Redis alone, {@code none} and {@code listen-terminated} (unless
 * {@code -Dconsistency.enforce=false}).
 */
class ConsistencyRunTest {

  @Test
  void everyScenarioRunsToTheEndAndItsHistoryIsChecked() throws IOException {
    RunSettings settings = RunSettings.fromSystemProperties();
    ConsistencyReport report = Orchestrator.run(settings);
    String table = report.table();
    System.out.println(table);
    Files.writeString(settings.output().resolve("report.txt"), table + System.lineSeparator());
    System.out.println("report: " + report.writeJson(settings.output()));

    Map<String, Object> problems = report.scenarios().stream()
        .filter(s -> !s.harnessProblems().isEmpty())
        .collect(Collectors.toMap(ScenarioResult::scenario, ScenarioResult::harnessProblems));
    assertThat(problems).as("harness problems by scenario").isEmpty();
    assertThat(report.scenarios()).hasSize(settings.scenarios().size());

    // STRICT promises no stale read after a Larder write; without faults on Redis (none, and
    // listen-terminated, whose fault only delays what the database announces) that holds on
    // today's runtime, so it is asserted. Reads made stale only by writes outside Larder are not
    // in stale(): no process can know of those before a notification arrives (see the README).
    // -Dconsistency.enforce=false turns it off: under heavy load Redis calls can miss their
    // 250 ms budget, the circuit breaker opens, and STRICT then validates in-process hits
    // against the local generation table only (being fixed on main), which can serve stale reads.
    if (Boolean.parseBoolean(System.getProperty("consistency.enforce", "true"))) {
      Set<String> enforced = Set.of(Scenario.NONE.label(), Scenario.LISTEN_TERMINATED.label());
      for (ScenarioResult result : report.scenarios()) {
        if (enforced.contains(result.scenario()) && result.check() != null) {
          assertThat(result.check().mode(Operation.Mode.STRICT).stale())
              .as("stale STRICT reads after Larder writes in " + result.scenario()).isZero();
        }
      }
    }
  }
}

package dev.larder.consistency.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.consistency.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The consistency run inside {@code mvn verify}: every scenario, short. It fails on what makes the
 * run worthless (a worker that crashed or did nothing, a fault that never fired, a server that
 * would not start), not on the stale reads it finds: those are the report's business while the
 * runtime is being fixed. {@code -Dconsistency.enforce=true} also fails on stale STRICT reads
 * without faults.
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

    if (Boolean.getBoolean("consistency.enforce")) {
      // TODO(main, runtime consistency fixes): enforce by default once the fix in progress on main
      // lands: STRICT must validate single-flight followers and L2 hits against Redis, never the
      // local generation table (TwoLevelCache.get's follower path uses valid(shared, false)).
      for (ScenarioResult result : report.scenarios()) {
        if (result.scenario().equals(Scenario.NONE.label())) {
          assertThat(result.check().mode(Operation.Mode.STRICT).stale())
              .as("stale STRICT reads without any fault").isZero();
        }
      }
    }
  }
}

package dev.larder.consistency.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the consistency scenarios one after the other and reports their figures: the servers it
 * controls (an embedded PostgreSQL, or {@code LARDER_TEST_DATABASE_URL} for the scenarios that do
 * not restart it; a {@code redis-server} per scenario), worker JVMs, faults, the checker.
 *
 * <p>As a program: {@code java -cp <test class path> dev.larder.consistency.harness.Orchestrator}
 * with the {@code consistency.*} system properties of {@link RunSettings}; it prints the table,
 * writes {@code report.json} and exits 1 on a harness problem.
 */
public final class Orchestrator {
  private Orchestrator() {}

  /** Runs every scenario of {@code settings}; the servers are stopped before it returns. */
  static ConsistencyReport run(RunSettings settings) {
    List<ScenarioResult> results = new ArrayList<>();
    PostgresServer configured = PostgresServer.configured();
    Lazy embedded = new Lazy(() -> PostgresServer.embedded(settings.output().resolve("pgdata")));
    try {
      Supplier<PostgresServer> any = configured != null ? () -> configured : embedded;
      ScenarioRunner runner = new ScenarioRunner(settings, any, embedded);
      for (Scenario scenario : settings.scenarios()) {
        ScenarioResult result = runner.run(scenario);
        System.out.println(scenario.label() + ": " + result.wallSeconds() + " s"
            + (result.harnessProblems().isEmpty() ? "" : " " + result.harnessProblems()));
        results.add(result);
      }
    } finally {
      embedded.close();
      if (configured != null) {
        configured.close();
      }
    }
    return ConsistencyReport.of(settings, results);
  }

  public static void main(String[] args) {
    RunSettings settings = RunSettings.fromSystemProperties();
    ConsistencyReport report = run(settings);
    System.out.println(report.table());
    System.out.println("report: " + report.writeJson(settings.output()));
    boolean harnessProblems = report.scenarios().stream().anyMatch(s -> !s.harnessProblems().isEmpty());
    System.exit(harnessProblems ? 1 : 0);
  }

  /** The embedded PostgreSQL, started on first use only. */
  private static final class Lazy implements Supplier<PostgresServer>, AutoCloseable {
    private final Supplier<PostgresServer> start;
    private PostgresServer server;

    Lazy(Supplier<PostgresServer> start) {
      this.start = start;
    }

    @Override
    public synchronized PostgresServer get() {
      if (server == null) {
        server = start.get();
      }
      return server;
    }

    @Override
    public synchronized void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}

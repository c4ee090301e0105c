package dev.larder.consistency.harness;

import dev.larder.consistency.CheckResult;
import dev.larder.consistency.Figures;
import dev.larder.consistency.HistoryChecker;
import dev.larder.consistency.Operation;
import dev.larder.consistency.OperationLog;
import dev.larder.consistency.WorkerSettings;
import dev.larder.testing.FaultProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one scenario: a fresh Redis and table, worker processes told to go together, the fault
 * script, then the checker over the merged logs. Everything it starts is stopped before it
 * returns, whatever happens.
 */
final class ScenarioRunner {
  private static final long READY_TIMEOUT_MILLIS = 60_000;
  private static final long EXIT_GRACE_MILLIS = 60_000;
  private static final long WRITE_PAUSE_MILLIS = 5;

  private final RunSettings settings;
  private final Supplier<PostgresServer> anyPostgres;
  private final Supplier<PostgresServer> restartablePostgres;

  ScenarioRunner(RunSettings settings, Supplier<PostgresServer> anyPostgres,
      Supplier<PostgresServer> restartablePostgres) {
    this.settings = settings;
    this.anyPostgres = anyPostgres;
    this.restartablePostgres = restartablePostgres;
  }

  ScenarioResult run(Scenario scenario) {
    long wallStart = System.nanoTime();
    Path directory = settings.output().resolve(scenario.label());
    List<String> problems = new ArrayList<>();
    List<String> timeline = List.of();
    CheckResult check = null;
    int cuts = -1;
    List<Long> listenersTerminated = List.of();
    int outsideProcess = settings.processes(); // the first number no worker has
    List<String> findings = new ArrayList<>();
    try {
      Directories.recreate(directory);
      PostgresServer postgres = scenario.restartsPostgres() ? restartablePostgres.get() : anyPostgres.get();
      postgres.run("DROP TABLE IF EXISTS versioned;"
          + " CREATE TABLE versioned (id int PRIMARY KEY, version bigint NOT NULL);"
          + " INSERT INTO versioned SELECT g, " + HistoryChecker.INITIAL_VERSION
          + " FROM generate_series(1, " + settings.rows() * Operation.Mode.values().length + ") g;"
          + " CREATE SEQUENCE IF NOT EXISTS versioned_version");
      if (scenario.writesOutsideLarder()) {
        InvalidationTrigger.install(postgres, settings.rows());
      }
      try (RedisServerProcess redis = new RedisServerProcess(FreePorts.next(), directory.resolve("redis"));
          FaultProxy proxy = scenario.throughProxy()
              ? FaultProxy.start(postgres.host(), postgres.port()) : null;
          WorkerProcesses workers = new WorkerProcesses()) {
        if (scenario.redisAtStart()) {
          redis.start();
        }
        String jdbcUrl = proxy == null ? postgres.jdbcUrl() : postgres.jdbcUrlThrough(proxy.port());
        for (int process = 0; process < settings.processes(); process++) {
          workers.start(new WorkerSettings(jdbcUrl, redis.url(), process,
              List.of(Operation.Mode.values()), settings.writers(), settings.readers(),
              settings.rows(), Duration.ofSeconds(settings.seconds()), directory,
              scenario.throughProxy(), Duration.ofMillis(WRITE_PAUSE_MILLIS),
              Duration.ofNanos(100_000),
              scenario.writesOutsideLarder() ? InvalidationTrigger.CHANNEL : ""));
        }
        try {
          workers.awaitReady(READY_TIMEOUT_MILLIS);
        } finally {
          findings.addAll(workers.startFailures());
        }
        long origin = workers.go();
        OutsideWriter outside = scenario.writesOutsideLarder()
            ? new OutsideWriter(jdbcUrl, directory, outsideProcess, settings.rows(),
                WRITE_PAUSE_MILLIS, origin + settings.seconds() * 1_000_000_000L)
            : null;
        Faults faults = new Faults(redis, postgres, proxy, origin, settings.seconds() * 1_000L);
        try {
          scenario.inject(faults);
        } finally {
          timeline = faults.timeline();
          listenersTerminated = faults.listenersTerminated();
        }
        workers.awaitDone(settings.seconds() * 1_000L + EXIT_GRACE_MILLIS);
        if (outside != null) {
          outside.awaitDone();
        }
        cuts = proxy == null ? -1 : proxy.armedCuts();
        check = HistoryChecker.check(OperationLog.replay(directory), origin,
            outside == null ? Set.of() : Set.of(outsideProcess));
      }
    } catch (RuntimeException e) {
      if (check == null && !findings.isEmpty()) {
        findings.add("no figures: workers could not build their runtime (" + e.getMessage() + ")");
      } else {
        problems.add("the run failed: " + e);
      }
    }
    if (check != null) {
      problems.addAll(sanity(check));
    }
    if (scenario.writesOutsideLarder() && check != null) {
      problems.addAll(outsideSanity(check, outsideProcess, listenersTerminated));
    }
    if (scenario.throughProxy() && cuts == 0) {
      problems.add("the COMMIT fault never fired: no write was run in a transaction through the proxy");
    }
    return new ScenarioResult(scenario.label(), scenario.description(), timeline, check,
        check == null ? List.of() : Goals.evaluate(scenario, check), List.copyOf(findings),
        List.copyOf(problems),
        Math.round((System.nanoTime() - wallStart) / 1e6) / 1e3);
  }

  /** Without outside writes, or without a LISTEN connection to terminate, there is no fault. */
  private static List<String> outsideSanity(CheckResult check, int outsideProcess,
      List<Long> listenersTerminated) {
    List<String> problems = new ArrayList<>();
    for (Operation.Mode mode : Operation.Mode.values()) {
      boolean wrote = check.byProcess().stream().anyMatch(
          f -> f.mode() == mode && f.process() == outsideProcess && f.writes() > 0);
      if (!wrote) {
        problems.add("the outside writer made no successful " + mode + " write");
      }
    }
    if (listenersTerminated.isEmpty() || listenersTerminated.contains(0L)) {
      problems.add("a LISTEN termination found no LISTEN connection: " + listenersTerminated);
    }
    return problems;
  }

  /** A run in which some process or mode did nothing proves nothing. */
  private List<String> sanity(CheckResult check) {
    List<String> problems = new ArrayList<>();
    for (int process = 0; process < settings.processes(); process++) {
      for (Operation.Mode mode : Operation.Mode.values()) {
        int p = process;
        Figures figures = check.byProcess().stream()
            .filter(f -> f.mode() == mode && f.process() == p).findFirst().orElse(null);
        if (figures == null || figures.reads() == 0) {
          problems.add("process " + process + " made no successful " + mode + " read");
        } else if (figures.writes() == 0) {
          problems.add("process " + process + " made no successful " + mode + " write");
        }
      }
    }
    return problems;
  }
}

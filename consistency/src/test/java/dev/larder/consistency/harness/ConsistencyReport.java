package dev.larder.consistency.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.larder.consistency.Figures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of every scenario of a run, as a table for people and as {@code report.json}, with
 * the machine they were measured on.
 *
 * @param machine cores, operating system and JVM
 * @param date when the run ended
 * @param settings the size of the run
 * @param scenarios one result per scenario, in run order
 */
record ConsistencyReport(Map<String, Object> machine, String date, Map<String, Object> settings,
    List<ScenarioResult> scenarios) {

  static ConsistencyReport of(RunSettings settings, List<ScenarioResult> scenarios) {
    Map<String, Object> machine = Map.of(
        "cores", Runtime.getRuntime().availableProcessors(),
        "os.name", System.getProperty("os.name"),
        "os.version", System.getProperty("os.version"),
        "os.arch", System.getProperty("os.arch"),
        "java.vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    Map<String, Object> size = Map.of("secondsPerScenario", settings.seconds(),
        "processes", settings.processes(), "writersPerMode", settings.writers(),
        "readersPerMode", settings.readers(), "rowsPerMode", settings.rows());
    return new ConsistencyReport(machine,
        OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), size, List.copyOf(scenarios));
  }

  /** Writes {@code report.json} into {@code directory} and returns its path. */
  Path writeJson(Path directory) {
    Path file = directory.resolve("report.json");
    try {
      Files.createDirectories(directory);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The table: one line per scenario and mode, then one per process. */
  String table() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT,
        "%-27s %-6s %-4s %8s %8s %7s %7s  %-30s %9s %8s %7s  %-26s %s",
        "scenario", "mode", "proc", "reads", "writes", "st.own", "st.cross",
        "cross lag p50/p99/p99.9/max ms", "fail R/W", "invented", "st.out",
        "outside lag p50/p99/max ms", "write p50/p99/max ms"));
    for (ScenarioResult result : scenarios) {
      String name = result.scenario();
      if (result.check() == null) {
        lines.add(String.format(Locale.ROOT, "%-27s %s", name, "NO FIGURES"));
      }
      for (Figures mode : result.check() == null ? List.<Figures>of() : result.check().byMode()) {
        lines.add(row(name, mode, "all"));
        name = "";
        for (Figures process : result.check().byProcess()) {
          if (process.mode() == mode.mode()) {
            boolean outside = result.check().outsideWriters().contains(process.process());
            lines.add(row("", process, (outside ? "out" : "p") + process.process()));
          }
        }
      }
      for (ScenarioResult.Goal goal : result.goals()) {
        lines.add(String.format(Locale.ROOT, "%-27s   [%s] %s (%s)", "", goal.met() ? "met" : "MISSED",
            goal.goal(), goal.observed()));
      }
      result.runtimeFindings().forEach(f -> lines.add("    RUNTIME: " + f));
      result.harnessProblems().forEach(p -> lines.add("    HARNESS PROBLEM: " + p));
    }
    return String.join(System.lineSeparator(), lines);
  }

  private static String row(String scenario, Figures f, String process) {
    return String.format(Locale.ROOT,
        "%-27s %-6s %-4s %8d %8d %7d %7d  %-30s %9s %8d %7d  %-26s %s",
        scenario, f.mode(), process, f.reads(), f.writes(), f.staleOwnProcess(),
        f.staleCrossProcess(), f.crossLagP50Ms() + "/" + f.crossLagP99Ms() + "/"
            + f.crossLagP999Ms() + "/" + f.crossLagMaxMs(),
        f.failedReads() + "/" + f.failedWrites(), f.invented(), f.staleOutside(),
        f.outsideLagP50Ms() + "/" + f.outsideLagP99Ms() + "/" + f.outsideLagMaxMs(),
        f.writeP50Ms() + "/" + f.writeP99Ms() + "/" + f.writeMaxMs());
  }
}

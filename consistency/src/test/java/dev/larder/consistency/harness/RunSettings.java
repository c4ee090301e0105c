package dev.larder.consistency.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The size of a consistency run, from system properties {@code consistency.*} (the module's pom
 * sets them for the short run and the {@code consistency-long} profile).
 *
 * @param seconds how long the workers of each scenario run
 * @param processes worker processes per scenario
 * @param writers writer threads per process and mode
 * @param readers reader threads per process and mode
 * @param rows rows per mode
 * @param scenarios the scenarios to run, in order
 * @param output where logs and the report go
 */
record RunSettings(int seconds, int processes, int writers, int readers, int rows,
    List<Scenario> scenarios, Path output) {

  static RunSettings fromSystemProperties() {
    String names = System.getProperty("consistency.scenarios", "all");
    List<Scenario> scenarios = new ArrayList<>();
    if (names.isBlank() || names.equals("all")) {
      scenarios.addAll(Arrays.asList(Scenario.values()));
    } else {
      for (String name : names.split(",")) {
        scenarios.add(Scenario.byLabel(name));
      }
    }
    return new RunSettings(integer("consistency.seconds", 4), integer("consistency.processes", 2),
        integer("consistency.writers", 1), integer("consistency.readers", 2),
        integer("consistency.rows", 8), List.copyOf(scenarios),
        Path.of(System.getProperty("consistency.output", "target/consistency")));
  }

  private static int integer(String name, int fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int parsed = Integer.parseInt(value.trim());
    if (parsed < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 but was " + parsed);
    }
    return parsed;
  }
}

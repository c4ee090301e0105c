package dev.larder.consistency;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one worker process does, from its {@code name=value} arguments (each may also be given as
 * a system property {@code consistency.worker.<name>}).
 *
 * @param jdbcUrl the PostgreSQL JDBC URL, with user and schema
 * @param redisUrl the Redis URL
 * @param process this worker's number, from 0
 * @param modes the modes to run, each on its own rows and threads
 * @param writers writer threads per mode
 * @param readers reader threads per mode
 * @param rows rows per mode: mode i uses ids {@code i*rows+1 .. (i+1)*rows}
 * @param duration how long to run once told to go
 * @param output the directory of the operation logs
 * @param transactions whether writes run inside {@code larder.inTransaction}
 * @param writePause the mean pause between two writes of one thread
 * @param readPause the pause between two reads of one thread
 * @param listenChannel the PostgreSQL channel to turn into invalidations with
 *     {@code larder.listenForInvalidations}, or the empty string for none
 */
public record WorkerSettings(String jdbcUrl, String redisUrl, int process, List<Operation.Mode> modes,
    int writers, int readers, int rows, Duration duration, Path output, boolean transactions,
    Duration writePause, Duration readPause, String listenChannel) {

  /** Parses {@code name=value} arguments; every name is required except the last four. */
  public static WorkerSettings parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    System.getProperties().forEach((k, v) -> {
      String key = k.toString();
      if (key.startsWith("consistency.worker.")) {
        values.put(key.substring("consistency.worker.".length()), v.toString());
      }
    });
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("arguments are name=value, but got '" + arg + "'");
      }
      values.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    List<Operation.Mode> modes = new ArrayList<>();
    for (String mode : required(values, "modes").split(",")) {
      modes.add(Operation.Mode.valueOf(mode.trim()));
    }
    return new WorkerSettings(required(values, "jdbc"), required(values, "redis"),
        Integer.parseInt(required(values, "process")), List.copyOf(modes),
        Integer.parseInt(required(values, "writers")), Integer.parseInt(required(values, "readers")),
        Integer.parseInt(required(values, "rows")),
        Duration.ofMillis(Long.parseLong(required(values, "millis"))),
        Path.of(required(values, "out")),
        Boolean.parseBoolean(values.getOrDefault("transactions", "false")),
        Duration.ofMillis(Long.parseLong(values.getOrDefault("writePauseMillis", "5"))),
        Duration.ofNanos(Long.parseLong(values.getOrDefault("readPauseMicros", "100")) * 1_000),
        values.getOrDefault("listen", ""));
  }

  /** The arguments that {@link #parse} turns back into these settings. */
  public List<String> toArguments() {
    List<String> modeNames = modes.stream().map(Enum::name).toList();
    return List.of("jdbc=" + jdbcUrl, "redis=" + redisUrl, "process=" + process,
        "modes=" + String.join(",", modeNames), "writers=" + writers, "readers=" + readers,
        "rows=" + rows, "millis=" + duration.toMillis(), "out=" + output,
        "transactions=" + transactions, "writePauseMillis=" + writePause.toMillis(),
        "readPauseMicros=" + readPause.toNanos() / 1_000, "listen=" + listenChannel);
  }

  /** The first row id of a mode. */
  public int firstRow(Operation.Mode mode) {
    return firstRow(mode, rows);
  }

  /** The first row id of a mode when each mode has {@code rows} rows. */
  public static int firstRow(Operation.Mode mode, int rows) {
    return mode.ordinal() * rows + 1;
  }

  private static String required(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing worker argument " + name + "=...");
    }
    return value;
  }
}

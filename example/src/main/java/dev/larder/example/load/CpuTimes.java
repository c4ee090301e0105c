package dev.larder.example.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time spent by each part of a load run, from the operating system's accounting of each
 * process ({@link ProcessHandle.Info#totalCpuDuration}): the instances under test (with any
 * process they started), this driver, PostgreSQL (every process of the {@code postgres}
 * binary: the server and its backends) and Redis. Where the time of a request goes, measured
 * the same way for every configuration: it shows how much a cache can save at all.
 */
final class CpuTimes {
  /** The parts, in the order of the report. */
  static final List<String> PARTS = List.of("service", "driver", "postgres", "redis");

  private CpuTimes() {}

  /** CPU nanoseconds so far by part; a process that ended since is not counted. */
  static Map<String, Long> sample(List<ProcessHandle> services) {
    Map<String, Long> nanos = new LinkedHashMap<>();
    PARTS.forEach(part -> nanos.put(part, 0L));
    for (ProcessHandle service : services) {
      add(nanos, "service", service);
      service.descendants().forEach(child -> add(nanos, "service", child));
    }
    add(nanos, "driver", ProcessHandle.current());
    ProcessHandle.allProcesses().forEach(process -> {
      String binary = process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("");
      if (binary.equals("postgres")) {
        add(nanos, "postgres", process);
      } else if (binary.startsWith("redis-server")) {
        add(nanos, "redis", process);
      }
    });
    return nanos;
  }

  /** Milliseconds of CPU per request by part between two samples. */
  static Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
    Map<String, Double> millis = new LinkedHashMap<>();
    for (String part : PARTS) {
      long spent = Math.max(0, after.get(part) - before.get(part));
      millis.put(part, requests == 0 ? 0 : spent / 1e6 / requests);
    }
    return millis;
  }

  private static void add(Map<String, Long> nanos, String part, ProcessHandle process) {
    long spent = process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    nanos.merge(part, spent, Long::sum);
  }
}

package dev.larder.example.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The output of a load run: a console table with the promised targets beside the measured
 * values, {@code report.json}, and {@code report.html} (charts drawn by uPlot, inlined so that the
 * page is self-contained).
 */
final class LoadReport {
  private static final String UPLOT = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";

  private final LoadMain.Settings settings;
  private final String statementSource;
  private final List<LoadMain.Result> results;

  LoadReport(LoadMain.Settings settings, String statementSource, List<LoadMain.Result> results) {
    this.settings = settings;
    this.statementSource = statementSource;
    this.results = results;
  }

  void printTable(PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "%-19s %9s %8s %8s %9s %6s %8s %9s %11s %7s %12s%n", "configuration", "req/s",
        "p50 ms", "p99 ms", "p99.9 ms", "hit", "db q/req", "db r/read", "pool mean/max", "errors", "stale (>1s)");
    for (LoadMain.Result r : results) {
      out.printf(Locale.ROOT, "%-19s %9.0f %8.2f %8.2f %9.2f %6.3f %8.3f %9.3f %7.1f/%-5.0f %7d %12s%n", r.name(),
          r.requestsPerSecond(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.p999Micros() / 1000.0,
          r.hitRate(), r.dbQueriesPerRequest(), r.dbReadsPerRead(), r.poolActiveMean(), r.poolActiveMax(),
          r.errors(), r.staleReads() + " (" + r.staleReadsOutsideWindow() + ")");
    }
    out.println("db q/req: statements counted by " + statementSource + " per request (10 % of requests are"
        + " writes, which need at least one each); db r/read: SELECTs per read request.");
    out.println();
    out.printf(Locale.ROOT, "%-19s %9s %9s %9s %9s %9s%n", "CPU ms per request", "service", "driver", "postgres",
        "redis", "total");
    for (LoadMain.Result r : results) {
      Map<String, Double> cpu = r.cpuMillisPerRequest();
      out.printf(Locale.ROOT, "%-19s %9.3f %9.3f %9.3f %9.3f %9.3f%n", r.name(), cpu.get("service"),
          cpu.get("driver"), cpu.get("postgres"), cpu.get("redis"),
          cpu.values().stream().mapToDouble(Double::doubleValue).sum());
    }
    out.println("CPU: the operating system's time of each process over the measured seconds (the service: both"
        + " instances; the driver: this JVM, the clients and their HTTP).");
    out.println();
    out.println("Targets (issue 14) for larder, measured:");
    for (String[] goal : goals()) {
      out.printf(Locale.ROOT, "  %-44s %-28s %s%n", goal[0], goal[1], goal[2]);
    }
  }

  /** Each goal: what was promised, what was measured, and whether it is met. */
  List<String[]> goals() {
    List<String[]> goals = new ArrayList<>();
    Optional<LoadMain.Result> larder = find("larder");
    Optional<LoadMain.Result> strict = find("larder-strict");
    larder.ifPresent(l -> {
      goals.add(goal("hit rate >= 0.90", fmt("%.3f", l.hitRate()), l.hitRate() >= 0.90));
      goals.add(goal("db reads per read request <= 0.05", fmt("%.3f", l.dbReadsPerRead()),
          l.dbReadsPerRead() <= 0.05));
      goals.add(goal("db statements per request <= 0.05", fmt("%.3f", l.dbQueriesPerRequest()),
          l.dbQueriesPerRequest() <= 0.05));
      goals.add(goal("p99 < 100 ms", fmt("%.1f ms", l.p99Micros() / 1000.0), l.p99Micros() < 100_000));
      goals.add(goal("0 errors (< 0.1 %)", Long.toString(l.errors()), l.errors() == 0));
      goals.add(goal("no stale read outside the 1 s window", l.staleReadsOutsideWindow() + " of "
          + l.staleReads() + " stale", l.staleReadsOutsideWindow() == 0));
      goals.add(goal("pool active 5-15 (mean, max)", fmt("%.1f, %.0f", l.poolActiveMean(), l.poolActiveMax()),
          l.poolActiveMax() <= 15));
      find("no-cache").ifPresent(n -> goals.add(goal("throughput >= 5x no-cache (aim 10x)",
          fmt("%.1fx", l.requestsPerSecond() / n.requestsPerSecond()),
          l.requestsPerSecond() >= 5 * n.requestsPerSecond())));
      for (String peer : List.of("spring-cache", "spring-cache-redis")) {
        find(peer).ifPresent(p -> goals.add(goal("throughput above " + peer,
            fmt("%.2fx", l.requestsPerSecond() / p.requestsPerSecond()),
            l.requestsPerSecond() > p.requestsPerSecond())));
      }
    });
    find("larder-local").ifPresent(l -> goals.add(goal("larder-local: no stale read outside the 1 s window",
        l.staleReadsOutsideWindow() + " of " + l.staleReads() + " stale", l.staleReadsOutsideWindow() == 0)));
    strict.ifPresent(s -> goals.add(goal("larder-strict: 0 stale reads", Long.toString(s.staleReads()),
        s.staleReads() == 0)));
    return goals;
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("configurations", results);
    document.put("workload", workload());
    document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
            + System.getProperty("os.arch"), "driverMaxHeapMb", Runtime.getRuntime().maxMemory() >> 20));
    document.put("goals", goals().stream().map(g -> Map.of("goal", g[0], "measured", g[1], "met", g[2]))
        .toList());
    String text = json.writeValueAsString(document);
    Files.writeString(directory.resolve("report.json"), text);
    Files.writeString(directory.resolve("report.html"), html(text));
  }

  private Map<String, Object> workload() {
    Map<String, Object> workload = new LinkedHashMap<>();
    workload.put("products", settings.products());
    workload.put("warmProducts", settings.warmProducts());
    workload.put("clients", settings.clients());
    workload.put("instances", 2);
    workload.put("warmupSeconds", settings.warmupSeconds());
    workload.put("measuredSeconds", settings.seconds());
    workload.put("zipfExponent", LoadMain.ZIPF_EXPONENT);
    workload.put("mix", Map.of("productById", 0.60, "categoryPage", 0.15, "search", 0.15, "priceChange", 0.04,
        "cartAdd", 0.05, "checkout", 0.01));
    workload.put("poolSizePerInstance", 20);
    workload.put("staleWindowMillis", LoadMain.STALE_WINDOW.toMillis());
    workload.put("statementSource", statementSource);
    return workload;
  }

  private static String html(String reportJson) {
    String template = resource("dev/larder/example/load/report-template.html");
    return template.replace("/*UPLOT_CSS*/", resource(UPLOT + "uPlot.min.css"))
        .replace("/*UPLOT_JS*/", resource(UPLOT + "uPlot.iife.min.js"))
        .replace("/*REPORT_JSON*/", reportJson.replace("</", "<\\/"));
  }

  private static String resource(String name) {
    try (InputStream in = LoadReport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String uplotVersion() {
    return System.getProperty("load.uplotVersion", "1.6.30");
  }

  private Optional<LoadMain.Result> find(String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  private static String[] goal(String promised, String measured, boolean met) {
    return new String[] {promised, measured, met ? "met" : "NOT met"};
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}

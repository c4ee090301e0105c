package dev.larder.example.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Two instances of one configuration, started as processes and stopped by {@link #close()}. */
final class LoadRun implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final List<Process> processes = new ArrayList<>();
  private final List<String> baseUrls = new ArrayList<>();
  private final HttpClient http;

  LoadRun(HttpClient http) {
    this.http = http;
  }

  /** Starts an instance, its output going to {@code log}, and waits until its /health answers 200. */
  void start(ProcessBuilder command, int port, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      processes.add(process);
      String base = "http://127.0.0.1:" + port;
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!healthy(base)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("instance on port " + port + " exited with "
              + process.exitValue() + "; see " + log);
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("instance on port " + port + " did not answer /health in "
              + START_TIMEOUT.toSeconds() + " s; see " + log);
        }
        Thread.sleep(250);
      }
      baseUrls.add(base);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start an instance", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting an instance", e);
    }
  }

  List<String> baseUrls() {
    return baseUrls;
  }

  /** The instances' processes. */
  List<ProcessHandle> processes() {
    return processes.stream().map(Process::toHandle).toList();
  }

  /** The /metrics text of every instance, together. */
  MetricsText metrics() {
    StringBuilder text = new StringBuilder();
    for (String base : baseUrls) {
      text.append(fetch(base + "/metrics")).append('\n');
    }
    return new MetricsText(text.toString());
  }

  private boolean healthy(String base) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/health"))
          .timeout(Duration.ofSeconds(2)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String fetch(String url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Stops the instances: politely, then by force after ten seconds. */
  @Override
  public void close() {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}

package dev.larder.consistency.harness;

import dev.larder.consistency.Worker;
import dev.larder.consistency.WorkerSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The worker JVMs of one scenario, real processes started with this JVM's {@code java} and test
 * class path. {@link #close()} destroys whatever is still running, and a shutdown hook does the
 * same if this JVM exits first; a worker whose standard input closes exits by itself.
 */
final class WorkerProcesses implements AutoCloseable {
  private final List<Process> processes = new ArrayList<>();
  private final List<CompletableFuture<String>> ready = new ArrayList<>();
  private final List<CompletableFuture<String>> done = new ArrayList<>();
  private final List<String> startFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Thread reaper = new Thread(this::destroyAll, "consistency-worker-reaper");

  WorkerProcesses() {
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts one worker; its standard error goes to {@code <output>/worker-<n>.log}. */
  void start(WorkerSettings settings) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    // Runtime settings a run compares (e.g. consistency.worker.invalidationWaitMillis).
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("consistency.worker."))
        .sorted()
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.add("-cp");
    command.add(classPath());
    command.add(Worker.class.getName());
    command.addAll(settings.toArguments());
    Path log = settings.output().resolve("worker-" + settings.process() + ".log");
    Process process;
    try {
      process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start worker " + settings.process(), e);
    }
    processes.add(process);
    CompletableFuture<String> isReady = new CompletableFuture<>();
    CompletableFuture<String> isDone = new CompletableFuture<>();
    ready.add(isReady);
    done.add(isDone);
    int number = settings.process();
    Thread reader = new Thread(() -> follow(process, number, isReady, isDone),
        "consistency-worker-" + settings.process() + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  private void follow(Process process, int number, CompletableFuture<String> ready,
      CompletableFuture<String> done) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals("READY")) {
          ready.complete(line);
        } else if (line.startsWith("START-FAILED ")) {
          startFailures.add("worker " + number + ": " + line.substring("START-FAILED ".length()));
        } else if (line.startsWith("DONE")) {
          done.complete(line);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    ready.completeExceptionally(new IllegalStateException("worker exited before READY"));
    done.completeExceptionally(new IllegalStateException("worker exited before DONE"));
  }

  /**
   * The failed attempts of workers to build their runtime, {@code worker <n>: <exception>}: the
   * runtime is meant to start whatever the state of Redis, so they are findings about it.
   */
  List<String> startFailures() {
    return List.copyOf(startFailures);
  }

  /** Waits until every worker has built its runtime. */
  void awaitReady(long timeoutMillis) {
    await(ready, timeoutMillis, "READY");
  }

  /** Tells every worker to start; returns the {@link System#nanoTime()} of that moment. */
  long go() {
    long origin = System.nanoTime();
    for (Process process : processes) {
      try {
        OutputStream in = process.getOutputStream();
        in.write("GO\n".getBytes(StandardCharsets.US_ASCII));
        in.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("a worker did not take GO", e);
      }
    }
    return origin;
  }

  /** Waits until every worker has printed DONE and exited 0. */
  void awaitDone(long timeoutMillis) {
    await(done, timeoutMillis, "DONE");
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (int i = 0; i < processes.size(); i++) {
      Process process = processes.get(i);
      try {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (!process.waitFor(left, TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("worker " + i + " did not exit after DONE");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("worker " + i + " exited with " + process.exitValue());
      }
    }
  }

  private static void await(List<CompletableFuture<String>> signals, long timeoutMillis,
      String what) {
    try {
      CompletableFuture.allOf(signals.toArray(CompletableFuture[]::new))
          .get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("workers did not all print " + what + ": one exited first,"
          + " or " + timeoutMillis + " ms passed (see worker-<n>.log)", e);
    }
  }

  private static String classPath() {
    // Surefire may hide the class path in a manifest-only jar; it gives the real one here.
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private void destroyAll() {
    for (Process process : processes) {
      process.destroyForcibly();
    }
    for (Process process : processes) {
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    destroyAll();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs anyway
    }
  }
}

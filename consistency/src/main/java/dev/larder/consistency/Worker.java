package dev.larder.consistency;

import dev.larder.runtime.InvalidationListener;
import dev.larder.runtime.Larder;
import dev.larder.runtime.LarderBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One worker process of a consistency run: its own {@link Larder} (pool, in-process cache, Redis
 * link), reader threads reading random rows and writer threads raising random rows' versions,
 * every call logged with its {@link System#nanoTime()} start and end. When told a channel, it
 * also listens to the database's notifications of writes made outside Larder.
 *
 * <p>Protocol with the orchestrator, on standard streams: the worker prints {@code READY} once its
 * runtime is built and listening ({@code START-FAILED <exception>} if it cannot be), waits for a line
 * on its input, runs for the configured duration, prints {@code DONE <operations>} and exits 0. If its input closes (the orchestrator died) it exits at
 * once, so no worker outlives the run.
 */
public final class Worker {
  /** Versions come from one sequence: globally unique and increasing. */
  public static final String NEXT_VERSION = "SELECT nextval('versioned_version')";
  private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);

  private final WorkerSettings settings;
  private final Larder larder;

  private Worker(WorkerSettings settings, Larder larder) {
    this.settings = settings;
    this.larder = larder;
  }

  public static void main(String[] args) {
    try {
      runWorker(WorkerSettings.parse(args));
    } catch (Throwable e) {
      // Redisson's and Hikari's threads would keep a JVM whose main thread died alive.
      e.printStackTrace();
      Runtime.getRuntime().halt(1);
    }
    System.exit(0);
  }

  private static void runWorker(WorkerSettings settings) throws Exception {
    BufferedReader control = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Larder larder = build(settings)) {
      if (!settings.listenChannel().isEmpty()) {
        listen(larder, settings.listenChannel());
      }
      System.out.println("READY");
      System.out.flush();
      if (control.readLine() == null) {
        Runtime.getRuntime().halt(2); // the orchestrator is gone
      }
      Thread orphanWatch = new Thread(() -> {
        try {
          while (control.readLine() != null) {
            // nothing else is sent
          }
        } catch (java.io.IOException ignored) {
          // same as end of input
        }
        Runtime.getRuntime().halt(3);
      }, "orphan-watch");
      orphanWatch.setDaemon(true);
      orphanWatch.start();
      long operations = new Worker(settings, larder).run();
      System.out.println("DONE " + operations);
      System.out.flush();
    }
  }

  /**
   * Builds the runtime as an application would, with nothing tuned but the invalidation wait,
   * the staleness bound and whether entries live in Redis when a run compares them (system
   * properties {@code consistency.worker.invalidationWaitMillis}, {@code
   * consistency.worker.maxStalenessMillis}, {@code consistency.worker.redisEntries}).
   * The runtime must start whatever the state of Redis, so a build that throws is a finding
   * about it: reported to the orchestrator as {@code START-FAILED <exception>}, and the worker
   * ends.
   */
  private static Larder build(WorkerSettings settings) {
    try {
      LarderBuilder builder = Larder.builder().jdbcUrl(settings.jdbcUrl())
          .redisUrl(settings.redisUrl());
      String wait = System.getProperty("consistency.worker.invalidationWaitMillis");
      if (wait != null) {
        builder.invalidationWait(Duration.ofMillis(Long.parseLong(wait)));
      }
      String staleness = System.getProperty("consistency.worker.maxStalenessMillis");
      if (staleness != null) {
        builder.maxStaleness(Duration.ofMillis(Long.parseLong(staleness)));
      }
      String entries = System.getProperty("consistency.worker.redisEntries");
      if (entries != null) {
        builder.redisEntries(Boolean.parseBoolean(entries));
      }
      return builder.build();
    } catch (RuntimeException e) {
      System.out.println("START-FAILED " + e);
      System.out.flush();
      throw e;
    }
  }

  /**
   * Turns the channel's notifications into invalidations, and waits until the listener has
   * subscribed: a write announced before then would never reach this process.
   */
  private static void listen(Larder larder, String channel) throws InterruptedException {
    InvalidationListener listener = larder.listenForInvalidations(channel);
    long deadline = System.nanoTime() + LISTEN_TIMEOUT.toNanos();
    while (!listener.isListening()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not listening to " + channel + " after " + LISTEN_TIMEOUT);
      }
      Thread.sleep(10);
    }
  }

  private long run() throws InterruptedException {
    long deadline = System.nanoTime() + settings.duration().toNanos();
    List<Thread> threads = new ArrayList<>();
    List<OperationLog> logs = new ArrayList<>();
    int thread = 0;
    for (Operation.Mode mode : settings.modes()) {
      VersionedRepository repository = mode == Operation.Mode.NEAR
          ? new NearVersionedRepositoryImpl(larder) : new StrictVersionedRepositoryImpl(larder);
      for (int i = 0; i < settings.writers() + settings.readers(); i++) {
        boolean writer = i < settings.writers();
        OperationLog log = OperationLog.create(settings.output(), settings.process(), thread, mode);
        logs.add(log);
        int first = settings.firstRow(mode);
        Runnable loop = writer
            ? () -> writeLoop(repository, log, first, deadline)
            : () -> readLoop(repository, log, first, deadline);
        threads.add(new Thread(loop, mode + (writer ? "-writer-" : "-reader-") + thread));
        thread++;
      }
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    long operations = 0;
    for (OperationLog log : logs) {
      operations += log.count();
      log.close();
    }
    return operations;
  }

  private void readLoop(VersionedRepository repository, OperationLog log, int firstRow,
      long deadline) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long pause = settings.readPause().toNanos();
    while (System.nanoTime() < deadline) {
      int row = firstRow + random.nextInt(settings.rows());
      long start = System.nanoTime();
      try {
        long version = repository.byId(row).version();
        log.read(row, version, start, System.nanoTime());
      } catch (RuntimeException e) {
        log.failed(Operation.Kind.READ, row, -1, start, System.nanoTime(), e);
      }
      if (pause > 0) {
        LockSupport.parkNanos(pause);
      }
    }
  }

  private void writeLoop(VersionedRepository repository, OperationLog log, int firstRow,
      long deadline) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long meanPause = settings.writePause().toNanos();
    while (System.nanoTime() < deadline) {
      int row = firstRow + random.nextInt(settings.rows());
      long version = -1;
      long start = System.nanoTime();
      try {
        version = larder.jdbi().withHandle(h -> h.createQuery(NEXT_VERSION).mapTo(Long.class).one());
        long wanted = version;
        start = System.nanoTime();
        int changed = settings.transactions()
            ? larder.inTransaction(h -> repository.setVersion(row, wanted))
            : repository.setVersion(row, wanted);
        log.write(row, version, start, System.nanoTime(), changed == 1);
      } catch (RuntimeException e) {
        log.failed(Operation.Kind.WRITE, row, version, start, System.nanoTime(), e);
      }
      LockSupport.parkNanos(random.nextLong(2 * meanPause + 1));
    }
  }
}

package dev.larder.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a cached read for each argument with bounded concurrency. Warming goes through the
 * ordinary read path, so an entry already fresh is a hit and is left alone, and an entry loaded
 * while a write commits is stamped like any other and never outlives the write.
 */
final class Warmer {
  private static final Logger log = LoggerFactory.getLogger(Warmer.class);

  private Warmer() {}

  static <A> WarmResult warm(
      Collection<A> arguments, Consumer<? super A> read, int concurrency, WarmProgress progress) {
    List<A> all = List.copyOf(arguments);
    long started = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
      Thread thread = new Thread(runnable, "larder-warm-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (A argument : all) {
        pool.execute(() -> {
          try {
            read.accept(argument);
          } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.debug("warming {} failed: {}", argument, e.toString());
          }
          progress.progress(done.incrementAndGet(), all.size(), failed.get());
        });
      }
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        log.debug("warming: {} of {} done", done.get(), all.size());
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new LarderException("interrupted while warming the cache", e);
    }
    return new WarmResult(all.size(), all.size() - failed.get(), failed.get(),
        Duration.ofNanos(System.nanoTime() - started));
  }
}

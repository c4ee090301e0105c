package dev.larder.consistency.harness;

import java.util.ArrayList;
import java.util.List;

/** Busy-spinning threads, more than the machine has cores, until closed. */
final class CpuHog implements AutoCloseable {
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  CpuHog(int threadCount) {
    for (int i = 0; i < threadCount; i++) {
      Thread thread = new Thread(this::spin, "cpu-hog-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void spin() {
    long x = 0;
    while (running) {
      x += System.nanoTime() & 1; // keeps the loop from being optimized away
    }
    if (x == 42) {
      System.out.print(""); // x is used
    }
  }

  @Override
  public void close() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

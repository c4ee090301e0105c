package dev.larder.example.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the clients record while a configuration runs: latencies (HdrHistogram, microseconds),
 * requests by kind, errors, and a timeline of one point per second.
 */
final class Measurements {
  private static final long HIGHEST_MICROS = 60_000_000;

  private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
  private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
  private final List<Point> timeline = new ArrayList<>();
  final LongAdder reads = new LongAdder();
  final LongAdder writes = new LongAdder();
  final LongAdder errors = new LongAdder();
  private volatile boolean recording;

  /** Records one finished request if the measured window is open. */
  void record(long latencyNanos, boolean read, boolean error) {
    if (!recording) {
      return;
    }
    recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, latencyNanos / 1_000)));
    (read ? reads : writes).increment();
    if (error) {
      errors.increment();
    }
  }

  /** Opens the measured window (the warm-up before it is not counted). */
  void start() {
    recorder.reset();
    recording = true;
  }

  /** Closes the measured window. */
  void stop() {
    recording = false;
    tick(0);
  }

  /**
   * Takes the requests recorded since the last tick as one point of the timeline.
   *
   * @param second the second of the measured window this point ends
   */
  synchronized Point tick(int second) {
    Histogram interval = recorder.getIntervalHistogram();
    total.add(interval);
    if (second == 0) {
      return null;
    }
    Point point = new Point(second, interval.getTotalCount(), interval.getValueAtPercentile(50),
        interval.getValueAtPercentile(99));
    timeline.add(point);
    return point;
  }

  synchronized Histogram total() {
    return total;
  }

  synchronized List<Point> timeline() {
    return List.copyOf(timeline);
  }

  /**
   * One second of a run.
   *
   * @param second the second, from 1
   * @param requests requests finished in it
   * @param p50Micros median latency in it
   * @param p99Micros 99th percentile latency in it
   */
  record Point(int second, long requests, long p50Micros, long p99Micros) {}
}

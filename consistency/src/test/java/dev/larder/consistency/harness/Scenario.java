package dev.larder.consistency.harness;

import java.util.Locale;

/**
 * The fault scenarios of a consistency run. Each runs on fresh servers state (a new Redis, the
 * table reset) with its own workers and its own figures. Fault times are fractions of the run so
 * that short and long runs see the same story.
 */
enum Scenario {
  NONE("no fault") {
    @Override
    void inject(Faults f) {}
  },
  NONE_CPU_SATURATED("no fault, every core busy-spinning (cores + 2 threads)") {
    @Override
    void inject(Faults f) {
      try (CpuHog hog = new CpuHog(Runtime.getRuntime().availableProcessors() + 2)) {
        f.note("cpu hog started");
        f.at(f.durationMillis);
      }
      f.note("cpu hog stopped");
    }
  },
  REDIS_KILL_RESTART_EMPTY("Redis killed (SIGKILL) and restarted empty 500 ms later") {
    @Override
    void inject(Faults f) {
      f.at(f.durationMillis / 3);
      f.redis.kill();
      f.note("redis killed");
      Pauses.sleep(500);
      f.redis.dropSnapshot();
      f.redis.start();
      f.note("redis restarted empty");
    }
  },
  REDIS_RESTART_OLD_SNAPSHOT("Redis SAVEd early, killed mid-run, restarted from that old snapshot") {
    @Override
    void inject(Faults f) {
      f.at(Math.max(300, f.durationMillis / 8));
      f.redis.save();
      f.note("redis snapshot saved");
      f.at(f.durationMillis / 2);
      f.redis.kill();
      f.note("redis killed");
      f.redis.start();
      f.note("redis restarted from the old snapshot");
    }
  },
  REDIS_FLUSHALL("FLUSHALL mid-run") {
    @Override
    void inject(Faults f) {
      f.at(f.durationMillis / 3);
      f.note("FLUSHALL: " + RawRedis.command(f.redis.port(), "FLUSHALL"));
    }
  },
  REDIS_PAUSE("Redis stopped (SIGSTOP) for 2 s, then continued") {
    @Override
    void inject(Faults f) {
      f.at(f.durationMillis / 4);
      f.redis.pause();
      f.note("redis paused");
      Pauses.sleep(2_000);
      f.redis.resume();
      f.note("redis resumed");
    }
  },
  REDIS_ABSENT_AT_START("workers start with Redis down; it starts a few seconds in") {
    @Override
    boolean redisAtStart() {
      return false;
    }

    @Override
    void inject(Faults f) {
      f.at(Math.min(3_000, f.durationMillis / 2));
      f.redis.start();
      f.note("redis started");
    }
  },
  PUBSUB_KILLED("CLIENT KILL TYPE pubsub, twice") {
    @Override
    void inject(Faults f) {
      f.at(f.durationMillis / 3);
      f.note("killed pubsub clients: " + RawRedis.command(f.redis.port(), "CLIENT", "KILL", "TYPE", "pubsub"));
      f.at(2 * f.durationMillis / 3);
      f.note("killed pubsub clients: " + RawRedis.command(f.redis.port(), "CLIENT", "KILL", "TYPE", "pubsub"));
    }
  },
  POSTGRES_RESTART("PostgreSQL stopped and started again on the same port and data") {
    @Override
    boolean restartsPostgres() {
      return true;
    }

    @Override
    void inject(Faults f) {
      f.at(f.durationMillis / 3);
      f.note("postgres stopping");
      f.postgres.restart();
      f.note("postgres restarted");
    }
  },
  LISTEN_TERMINATED("writes outside Larder, announced by NOTIFY; LISTEN connections terminated"
      + " at 1/4, then again 1/10 of the run after they are back, until 3/4") {
    @Override
    boolean writesOutsideLarder() {
      return true;
    }

    @Override
    void inject(Faults f) {
      // A listener takes over a second to come back: between two outages leave a while in
      // which notifications flow, so that both regimes are in the history.
      long next = f.durationMillis / 4;
      while (next <= 3 * f.durationMillis / 4) {
        f.at(next);
        f.terminateListeners(f.durationMillis);
        next = f.elapsedMillis() + f.durationMillis / 10;
      }
    }
  },
  COMMIT_ACK_LOST("the answer to a COMMIT is cut every ~200 ms (writes in transactions)") {
    @Override
    boolean throughProxy() {
      return true;
    }

    @Override
    void inject(Faults f) {
      for (long t = 200; t < f.durationMillis; t += 200) {
        f.proxy.cutAfterClientSends("COMMIT");
        f.at(t);
      }
      f.note("commit answers cut: " + f.proxy.armedCuts());
    }
  };

  private final String description;

  Scenario(String description) {
    this.description = description;
  }

  /** Runs the fault script, from the moment the workers were told to go until it is done. */
  abstract void inject(Faults faults);

  /** Whether Redis runs when the workers start. */
  boolean redisAtStart() {
    return true;
  }

  /** Whether the scenario restarts PostgreSQL (so it needs the harness's own server). */
  boolean restartsPostgres() {
    return false;
  }

  /** Whether workers reach PostgreSQL through a {@code FaultProxy} and write in transactions. */
  boolean throughProxy() {
    return false;
  }

  /**
   * Whether a trigger announces writes on a channel the workers listen to, and an
   * {@link OutsideWriter} writes without Larder while they run.
   */
  boolean writesOutsideLarder() {
    return false;
  }

  String description() {
    return description;
  }

  /** The scenario's name in reports: {@code redis-kill-restart-empty}. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Scenario byLabel(String label) {
    for (Scenario scenario : values()) {
      if (scenario.label().equals(label.trim())) {
        return scenario;
      }
    }
    throw new IllegalArgumentException("no scenario '" + label + "'");
  }
}

package dev.larder.consistency.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} process the orchestrator owns, on 127.0.0.1, so that it can kill it,
 * restart it (empty, or from a snapshot taken earlier), and pause it with SIGSTOP. Its data
 * directory holds {@code dump.rdb} only when {@link #save()} wrote one; nothing is saved
 * otherwise. The binary is the machine's {@code redis-server} when there is one, else the Linux
 * build shipped inside the embedded-redis jar.
 */
final class RedisServerProcess implements AutoCloseable {
  private static final String SHIPPED = "/redis-server-6.2.6-v5-linux-amd64";
  private static Path binary;

  private final int port;
  private final Path directory;
  private final Path logFile;
  private Process process;

  RedisServerProcess(int port, Path directory) {
    this.port = port;
    this.directory = directory;
    this.logFile = directory.resolve("redis.log");
  }

  int port() {
    return port;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts the server (loading {@code dump.rdb} if one is there) and waits for PONG. */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("Redis on port " + port + " is already running");
    }
    try {
      Files.createDirectories(directory);
      process = new ProcessBuilder(List.of(binary().toString(), "--port", Integer.toString(port),
          "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString(),
          "--dbfilename", "dump.rdb", "--protected-mode", "no"))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server on port " + port, e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!RawRedis.answers(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("redis-server on port " + port + " did not start; see "
            + logFile);
      }
      Pauses.sleep(20);
    }
  }

  /** Writes a snapshot ({@code SAVE}) that the next {@link #start()} loads. */
  void save() {
    String reply = RawRedis.command(port, "SAVE");
    if (!reply.equals("+OK")) {
      throw new IllegalStateException("SAVE answered " + reply);
    }
  }

  /** Forgets the snapshot, so that the next start is empty. */
  void dropSnapshot() {
    try {
      Files.deleteIfExists(directory.resolve("dump.rdb"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL, as a crash: nothing is saved. Waits until the process is gone. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("redis-server on port " + port + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** SIGSTOP: the server keeps its connections but answers nothing. */
  void pause() {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  void resume() {
    signal("CONT");
  }

  private synchronized void signal(String name) {
    if (process == null) {
      throw new IllegalStateException("Redis on port " + port + " is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
          .redirectErrorStream(true).start();
      if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      kill(); // SIGKILL ends a SIGSTOPped process too
    }
  }

  private static synchronized Path binary() throws IOException {
    if (binary != null) {
      return binary;
    }
    Path installed = Path.of("/usr/bin/redis-server");
    if (Files.isExecutable(installed)) {
      return binary = installed;
    }
    try (InputStream shipped = RedisServerProcess.class.getResourceAsStream(SHIPPED)) {
      if (shipped == null) {
        throw new IllegalStateException("no /usr/bin/redis-server and no " + SHIPPED
            + " in the embedded-redis jar");
      }
      Path file = Files.createTempFile("larder-redis-server", "");
      Files.copy(shipped, file, StandardCopyOption.REPLACE_EXISTING);
      file.toFile().setExecutable(true);
      file.toFile().deleteOnExit();
      return binary = file;
    }
  }
}

package dev.larder.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import redis.embedded.RedisServer;

/**
 * The Redis server of a test JVM: started lazily by the first {@link #get()}, once, and shared by
 * every test class of the JVM.
 *
 * <p>If the environment variable {@value #URL_VARIABLE} holds a {@code redis://host:port} URL that
 * server is used; otherwise an embedded Redis ({@code com.github.codemonstur:embedded-redis}) is
 * started on a free port of 127.0.0.1, without persistence, and stopped when the JVM exits. A
 * start counts only once the server answers {@code PING}; a start that fails (say another process
 * took the port first) is tried again on a new port, three times in all.
 *
 * <p>Failure tests can {@link #stop()} and {@link #restart()} an embedded server; a server given
 * by {@value #URL_VARIABLE} belongs to someone else and is never stopped.
 */
public final class TestRedis {
  /** The environment variable naming an existing server to test against. */
  public static final String URL_VARIABLE = "LARDER_TEST_REDIS_URL";

  private static final String HOST = "127.0.0.1";
  private static final int START_ATTEMPTS = 3;
  private static final long READY_TIMEOUT_MILLIS = 10_000;
  private static TestRedis instance;

  private final String host;
  private final int port;
  private final String url;
  private final RedisServer embedded;

  private TestRedis(String host, int port, String url, RedisServer embedded) {
    this.host = host;
    this.port = port;
    this.url = url;
    this.embedded = embedded;
  }

  /**
   * Returns the Redis of this JVM, starting it on the first call.
   *
   * @throws IllegalStateException if {@value #URL_VARIABLE} is not a usable URL, the server it
   *     names does not answer, or no embedded server could be started
   */
  public static synchronized TestRedis get() {
    if (instance == null) {
      String configured = System.getenv(URL_VARIABLE);
      instance = configured == null || configured.isBlank() ? startEmbedded() : connect(configured.trim());
      if (instance.embedded != null) {
        TestRedis started = instance;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stopQuietly, "larder-test-redis-stop"));
      }
    }
    return instance;
  }

  private static TestRedis connect(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(URL_VARIABLE + " is not a URL: '" + url + "'", e);
    }
    if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalStateException(URL_VARIABLE + " must look like redis://127.0.0.1:6379 but was '"
          + url + "'");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 6379;
    if (!awaitPong(uri.getHost(), port, READY_TIMEOUT_MILLIS)) {
      throw new IllegalStateException("the Redis server in " + URL_VARIABLE + " (" + url
          + ") does not answer PING");
    }
    return new TestRedis(uri.getHost(), port, url, null);
  }

  private static TestRedis startEmbedded() {
    IOException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = freePort();
      try {
        RedisServer server = newServer(port);
        if (startAndAwait(server, port)) {
          return new TestRedis(HOST, port, "redis://" + HOST + ":" + port, server);
        }
        last = new IOException("embedded Redis on port " + port + " did not answer PING in time");
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IllegalStateException("could not start an embedded Redis in " + START_ATTEMPTS
        + " attempts; set " + URL_VARIABLE + " to test against a running server instead", last);
  }

  private static RedisServer newServer(int port) throws IOException {
    return RedisServer.newRedisServer()
        .port(port)
        .bind(HOST)
        .setting("save \"\"")
        .setting("appendonly no")
        .build();
  }

  /** Starts the server and waits for PONG; on failure stops whatever started and returns false. */
  private static boolean startAndAwait(RedisServer server, int port) throws IOException {
    server.start();
    if (awaitPong(HOST, port, READY_TIMEOUT_MILLIS)) {
      return true;
    }
    server.stop();
    return false;
  }

  /** Returns the host the server listens on. */
  public String host() {
    return host;
  }

  /** Returns the port the server listens on. */
  public int port() {
    return port;
  }

  /** Returns the server's URL, {@code redis://host:port}, as Redisson and Larder take it. */
  public String url() {
    return url;
  }

  /** Returns true if this JVM started the server, and so may stop and restart it. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  /** Returns true if the server answers {@code PING} now. */
  public boolean isRunning() {
    return ping(host, port);
  }

  /**
   * Stops the embedded server, for tests of what happens when Redis goes away. Idempotent.
   *
   * @throws UnsupportedOperationException if the server came from {@value #URL_VARIABLE}
   */
  public synchronized void stop() {
    requireEmbedded("stop");
    try {
      embedded.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop the embedded Redis on port " + port, e);
    }
  }

  /**
   * Starts the embedded server again on the same port, empty (it keeps nothing on disk), and
   * waits until it answers {@code PING}. Stops it first if it is running.
   *
   * @throws UnsupportedOperationException if the server came from {@value #URL_VARIABLE}
   * @throws IllegalStateException if it does not answer after three attempts
   */
  public synchronized void restart() {
    requireEmbedded("restart");
    stop();
    IOException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      try {
        if (startAndAwait(embedded, port)) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IllegalStateException("could not restart the embedded Redis on port " + port, last);
  }

  private void requireEmbedded(String action) {
    if (embedded == null) {
      throw new UnsupportedOperationException("cannot " + action + " the Redis server of "
          + URL_VARIABLE + " (" + url + "); such tests need the embedded server");
    }
  }

  private void stopQuietly() {
    try {
      embedded.stop();
    } catch (IOException | RuntimeException e) {
      System.err.println("could not stop the embedded Redis: " + e.getMessage());
    }
  }

  private static boolean awaitPong(String host, int port, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (true) {
      if (ping(host, port)) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** Sends an inline {@code PING} over a plain socket; a server asking for a password counts as up. */
  private static boolean ping(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      socket.setSoTimeout(1_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[64];
      int read = in.read(reply);
      String text = read <= 0 ? "" : new String(reply, 0, read, StandardCharsets.US_ASCII);
      return text.startsWith("+PONG") || text.startsWith("-NOAUTH");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("could not find a free port", e);
    }
  }
}

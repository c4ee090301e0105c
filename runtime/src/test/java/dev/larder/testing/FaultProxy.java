package dev.larder.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server (PostgreSQL, Redis), for injecting network
 * faults into tests: cut every connection, refuse new ones, or cut a connection right after the
 * client sent a given text (say {@code COMMIT}) so that the server acts on it but its answer never
 * arrives — a commit whose outcome the client cannot know.
 *
 * <p>Each connection is pumped by two daemon threads. Close the proxy to stop it and cut all.
 */
public final class FaultProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final AtomicReference<byte[]> cutAfter = new AtomicReference<>();
  private final AtomicInteger cuts = new AtomicInteger();
  private volatile boolean refusing;
  private volatile boolean closed;

  private FaultProxy(ServerSocket listener, String targetHost, int targetPort) {
    this.listener = listener;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /** Starts a proxy on a free port of 127.0.0.1 that forwards to {@code host:port}. */
  public static FaultProxy start(String host, int port) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      FaultProxy proxy = new FaultProxy(listener, host, port);
      Thread acceptor = new Thread(proxy::accept, "fault-proxy-accept-" + listener.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a proxy to " + host + ":" + port, e);
    }
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Cuts every open connection at once; new ones are accepted as usual. */
  public void cutAll() {
    for (Link link : links) {
      link.close();
    }
  }

  /** While set, new connections are closed as soon as they are accepted. */
  public void refuse(boolean refuse) {
    this.refusing = refuse;
  }

  /**
   * Arms a one-shot fault: the first connection whose client sends {@code text} has it delivered
   * to the server, and is then cut before any answer reaches the client.
   */
  public void cutAfterClientSends(String text) {
    cutAfter.set(text.getBytes(StandardCharsets.UTF_8));
  }

  /** How many connections the one-shot fault of {@link #cutAfterClientSends} has cut. */
  public int armedCuts() {
    return cuts.get();
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (refusing) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket server = new Socket();
        server.connect(new InetSocketAddress(targetHost, targetPort), 2_000);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        Link link = new Link(client, server);
        links.add(link);
        link.start();
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    cutAll();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // already closed or broken: either way it is gone
    }
  }

  /** One proxied connection. */
  private final class Link {
    private final Socket client;
    private final Socket server;
    private volatile boolean doomed;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void start() {
      String name = "fault-proxy-" + client.getPort();
      Thread up = new Thread(() -> pump(client, server, true), name + "-up");
      Thread down = new Thread(() -> pump(server, client, false), name + "-down");
      up.setDaemon(true);
      down.setDaemon(true);
      up.start();
      down.start();
    }

    private void pump(Socket from, Socket to, boolean upstream) {
      byte[] buffer = new byte[16 * 1024];
      byte[] tail = new byte[0];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          if (!upstream && doomed) {
            break; // the answer to the armed text: never delivered
          }
          if (upstream) {
            byte[] pattern = cutAfter.get();
            if (pattern != null) {
              byte[] window = concat(tail, buffer, read);
              if (indexOf(window, pattern) >= 0 && cutAfter.compareAndSet(pattern, null)) {
                doomed = true;
                cuts.incrementAndGet();
              }
              int keep = Math.min(window.length, pattern.length - 1);
              tail = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
            }
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (SocketException e) {
        // cut by close(): fall through
      } catch (IOException e) {
        // a broken side ends the link
      } finally {
        close();
      }
    }

    void close() {
      links.remove(this);
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  private static byte[] concat(byte[] head, byte[] buffer, int length) {
    byte[] out = new byte[head.length + length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(buffer, 0, out, head.length, length);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

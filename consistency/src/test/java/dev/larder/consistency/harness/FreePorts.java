package dev.larder.consistency.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports of 127.0.0.1, for the servers the orchestrator starts. */
final class FreePorts {
  private FreePorts() {}

  /** A port nothing listens on right now (another process may still take it first). */
  static int next() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("could not find a free port", e);
    }
  }
}

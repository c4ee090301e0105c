package dev.larder.consistency.harness;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one command to Redis over a plain socket in RESP and returns the first line of the reply,
 * so the orchestrator can act on the server (SAVE, FLUSHALL, CLIENT KILL) without a client that
 * has opinions about reconnecting.
 */
final class RawRedis {
  private RawRedis() {}

  /**
   * Sends {@code words} as one command.
   *
   * @return the first line of the reply, e.g. {@code +OK} or {@code :2}
   * @throws UncheckedIOException if the server cannot be reached or does not answer in 5 s
   */
  static String command(int port, String... words) {
    StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
    for (String word : words) {
      byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
      request.append('$').append(bytes.length).append("\r\n").append(word).append("\r\n");
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Redis on port " + port + " did not answer "
          + String.join(" ", words), e);
    }
  }

  /** Whether Redis answers PING on {@code port}. */
  static boolean answers(int port) {
    try {
      return command(port, "PING").equals("+PONG");
    } catch (UncheckedIOException e) {
      return false;
    }
  }
}

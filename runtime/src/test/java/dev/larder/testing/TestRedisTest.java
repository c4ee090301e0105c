package dev.larder.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TestRedisTest {

  @Test
  void serverAnswersAndKeepsAValue() throws IOException {
    TestRedis redis = TestRedis.get();
    assertThat(redis.isRunning()).isTrue();
    assertThat(redis.url()).startsWith("redis://").contains(String.valueOf(redis.port()));
    assertThat(command(redis, "SET larder:testing:probe 42")).isEqualTo("+OK");
    assertThat(command(redis, "GET larder:testing:probe")).isEqualTo("$2\r\n42");
  }

  @Test
  void everyCallReturnsTheSameServer() {
    assertThat(TestRedis.get()).isSameAs(TestRedis.get());
  }

  @Test
  void stoppedServerIsDownAndRestartedServerIsUpAndEmptyOnTheSamePort() throws IOException {
    TestRedis redis = TestRedis.get();
    assumeTrue(redis.isEmbedded(), "only an embedded Redis may be stopped");
    int port = redis.port();
    command(redis, "SET larder:testing:restart yes");

    redis.stop();
    assertThat(redis.isRunning()).isFalse();

    redis.restart();
    assertThat(redis.isRunning()).isTrue();
    assertThat(redis.port()).isEqualTo(port);
    assertThat(command(redis, "EXISTS larder:testing:restart")).isEqualTo(":0");
  }

  @Test
  void aConfiguredServerCannotBeStopped() {
    TestRedis redis = TestRedis.get();
    assumeTrue(!redis.isEmbedded(), "only a server from " + TestRedis.URL_VARIABLE + " is protected");
    assertThatThrownBy(redis::stop)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(TestRedis.URL_VARIABLE);
    assertThat(redis.isRunning()).isTrue();
  }

  /** Sends one inline command and returns the reply without its final CRLF. */
  private static String command(TestRedis redis, String command) throws IOException {
    try (Socket socket = new Socket(redis.host(), redis.port())) {
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[256];
      StringBuilder reply = new StringBuilder();
      // Bulk replies arrive as "$len\r\nvalue\r\n": read until the reply is complete.
      do {
        int read = in.read(buffer);
        if (read < 0) {
          break;
        }
        reply.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
      } while (!complete(reply.toString()));
      String text = reply.toString();
      return text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text;
    }
  }

  private static boolean complete(String reply) {
    if (!reply.endsWith("\r\n")) {
      return false;
    }
    return !reply.startsWith("$") || reply.equals("$-1\r\n") || reply.indexOf("\r\n") < reply.length() - 2;
  }
}

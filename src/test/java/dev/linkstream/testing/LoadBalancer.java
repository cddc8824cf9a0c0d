package dev.linkstream.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of two servers, configured by docker/haproxy.cfg: the file operators
 * deploy, with only the addresses set, as the compose file sets them.
 */
public final class LoadBalancer implements AutoCloseable {

  private static final Path CONFIG = Path.of("docker/haproxy.cfg").toAbsolutePath();

  private final Process process;
  public final URL url;

  private LoadBalancer(Process process, int port) throws IOException {
    this.process = process;
    this.url = URI.create("http://127.0.0.1:" + port + "/").toURL();
  }

  /** Round robin over the two servers, once both answer through it. */
  public static LoadBalancer start(ServerProcess a, ServerProcess b) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path logs = Files.createDirectories(Path.of("target", "server-processes"));
    Path log = Files.createTempFile(logs, "haproxy-", ".log");
    ProcessBuilder command = new ProcessBuilder("haproxy", "-db", "-f", CONFIG.toString());
    command.environment().put("LINKSTREAM_HAPROXY_BIND", "127.0.0.1:" + port);
    command.environment().put("LINKSTREAM_A", "127.0.0.1:" + a.port());
    command.environment().put("LINKSTREAM_B", "127.0.0.1:" + b.port());
    Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LoadBalancer balancer = new LoadBalancer(process, port);
    Eventually.holds(
        Duration.ofSeconds(30),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError("HAProxy exited; its log:\n" + Files.readString(log));
          }
          return balancer.answers() && balancer.answers();
        },
        () -> "HAProxy did not pass requests on; its log is " + log);
    return balancer;
  }

  private boolean answers() {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) new URL(url, "api/links?limit=1").openConnection();
      connection.setConnectTimeout(1_000);
      connection.setReadTimeout(5_000);
      try {
        return connection.getResponseCode() == 401;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  public int port() {
    return url.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}

package dev.linkstream.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged WAR on a Payara Micro process of the test's own, for what Arquillian cannot do: kill
 * the server with SIGKILL, start it again on the same data, or measure the process.
 */
public final class PayaraMicroProcess implements AutoCloseable {

  private static final Duration START_DEADLINE = Duration.ofSeconds(120);

  private final Process process;
  private final Path log;
  public final URL url;

  private PayaraMicroProcess(Process process, Path log, int port) throws IOException {
    this.process = process;
    this.log = log;
    this.url = URI.create("http://127.0.0.1:" + port + "/").toURL();
  }

  /** Starts the server with its data in {@code dataDir}, or in PostgreSQL when a run sets one. */
  public static PayaraMicroProcess start(Path dataDir, Path workDir) throws Exception {
    return start(dataDir, workDir, List.of());
  }

  /** Starts the server with more JVM options, such as settings, after the tests' own. */
  public static PayaraMicroProcess start(Path dataDir, Path workDir, List<String> options)
      throws Exception {
    return start(dataDir, workDir, options, freePort());
  }

  /** Starts the server on a given port: where an earlier one ran, for clients that reconnect. */
  public static PayaraMicroProcess start(Path dataDir, Path workDir, List<String> options, int port)
      throws Exception {
    Files.createDirectories(workDir);
    // In target/, not in the test's temporary directory: a failure's log outlives the test.
    Path logs = Files.createDirectories(Path.of("target", "payara-micro-processes"));
    Path log = Files.createTempFile(logs, "server-", ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Dlinkstream.data-dir=" + dataDir);
    command.add("-Dlinkstream.fetch.allowed-networks=127.0.0.0/8");
    command.add("-Dlinkstream.fetch.timeout=3s");
    command.addAll(options);
    for (String key : List.of("url", "user", "password")) {
      String value = System.getProperty("linkstream.it.db." + key);
      if (value != null) {
        command.add("-Dlinkstream.db." + key + "=" + value);
      }
    }
    command.addAll(
        List.of(
            "-jar",
            payaraMicroJar(),
            "--deploy",
            Path.of("target/linkstream.war").toAbsolutePath().toString(),
            "--contextroot",
            "/",
            "--port",
            String.valueOf(port),
            "--nocluster",
            "--nohazelcast",
            "--rootdir",
            workDir.resolve("payara").toString()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PayaraMicroProcess server = new PayaraMicroProcess(process, log, port);
    server.awaitReady();
    return server;
  }

  public int port() {
    return url.getPort();
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private void awaitReady() throws Exception {
    try {
      Eventually.holds(
          START_DEADLINE,
          () -> {
            if (!process.isAlive()) {
              throw new AssertionError("Payara Micro exited; its log:\n" + Files.readString(log));
            }
            return answers();
          },
          () -> "Payara Micro did not start");
    } catch (AssertionError e) {
      kill();
      throw e;
    }
  }

  private boolean answers() {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) new URL(url, "api/links?limit=1").openConnection();
      connection.setConnectTimeout(1_000);
      connection.setReadTimeout(5_000);
      try {
        return connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  private static String payaraMicroJar() throws Exception {
    Class<?> main =
        Class.forName(
            "fish.payara.micro.PayaraMicro", false, PayaraMicroProcess.class.getClassLoader());
    return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

package dev.linkstream.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged WAR on a server process of the test's own, Payara Micro or Open Liberty, for what
 * Arquillian cannot do: kill the server with SIGKILL, start it again on the same data, or measure
 * the process.
 */
public final class ServerProcess implements AutoCloseable {

  /** The servers Linkstream runs on. Open Liberty is the one the build installs under target/. */
  public enum Runtime {
    PAYARA_MICRO,
    OPEN_LIBERTY
  }

  private static final Duration START_DEADLINE = Duration.ofSeconds(120);
  private static final Path WAR = Path.of("target/linkstream.war").toAbsolutePath();
  private static final Path LIBERTY = Path.of("target/liberty/wlp").toAbsolutePath();
  private static final Path PAYARA_COMMANDS = Path.of("src/main/payara").toAbsolutePath();

  /**
   * A WAR to deploy, and how to tell it is deployed: a request only the application, not the server
   * alone, answers with the status given.
   */
  public record Application(Path war, String probe, int ready) {

    /** Linkstream refuses a request from nobody signed in. */
    public static final Application LINKSTREAM = new Application(WAR, "api/links?limit=1", 401);
  }

  /**
   * How much the application logs: as it ships, or with detail turned on as docs/operating.md says.
   */
  public enum Logging {
    QUIET,
    DETAILED
  }

  private final Process process;
  private final Application application;
  private final Path log;
  private final Path libertyLogs;
  public final URL url;

  private ServerProcess(
      Process process, Application application, Path log, Path libertyLogs, int port)
      throws IOException {
    this.process = process;
    this.application = application;
    this.log = log;
    this.libertyLogs = libertyLogs;
    this.url = URI.create("http://127.0.0.1:" + port + "/").toURL();
  }

  /** Starts the server with its data in {@code dataDir}, or in PostgreSQL when a run sets one. */
  public static ServerProcess start(Runtime runtime, Path dataDir, Path workDir) throws Exception {
    return start(runtime, dataDir, workDir, List.of());
  }

  /** Starts the server with more JVM options, such as settings, after the tests' own. */
  public static ServerProcess start(
      Runtime runtime, Path dataDir, Path workDir, List<String> options) throws Exception {
    return start(runtime, dataDir, workDir, options, freePort());
  }

  /** Starts the server on a given port: where an earlier one ran, for clients that reconnect. */
  public static ServerProcess start(
      Runtime runtime, Path dataDir, Path workDir, List<String> options, int port)
      throws Exception {
    return start(Application.LINKSTREAM, runtime, dataDir, workDir, options, port, Logging.QUIET);
  }

  /** Starts the server with the application's logging as chosen. */
  public static ServerProcess start(
      Runtime runtime, Path dataDir, Path workDir, List<String> options, Logging logging)
      throws Exception {
    return start(Application.LINKSTREAM, runtime, dataDir, workDir, options, freePort(), logging);
  }

  /** Starts another application than Linkstream, with Linkstream's server configuration. */
  public static ServerProcess start(
      Application application, Runtime runtime, Path dataDir, Path workDir, List<String> options)
      throws Exception {
    return start(application, runtime, dataDir, workDir, options, freePort(), Logging.QUIET);
  }

  /** Starts the server without waiting for it to serve: for one that is expected never to. */
  public static ServerProcess launch(Runtime runtime, Path dataDir, Path workDir) throws Exception {
    return spawn(
        Application.LINKSTREAM, runtime, dataDir, workDir, List.of(), freePort(), Logging.QUIET);
  }

  private static ServerProcess start(
      Application application,
      Runtime runtime,
      Path dataDir,
      Path workDir,
      List<String> options,
      int port,
      Logging logging)
      throws Exception {
    ServerProcess server = spawn(application, runtime, dataDir, workDir, options, port, logging);
    server.awaitReady();
    return server;
  }

  private static ServerProcess spawn(
      Application application,
      Runtime runtime,
      Path dataDir,
      Path workDir,
      List<String> options,
      int port,
      Logging logging)
      throws Exception {
    Files.createDirectories(workDir);
    // In target/, not in the test's temporary directory: a failure's log outlives the test.
    Path logs = Files.createDirectories(Path.of("target", "server-processes"));
    Path log = Files.createTempFile(logs, runtime.name().toLowerCase() + "-", ".log");
    List<String> jvmOptions = new ArrayList<>();
    jvmOptions.add("-Dlinkstream.data-dir=" + dataDir);
    jvmOptions.add("-Dlinkstream.fetch.allowed-networks=127.0.0.0/8");
    jvmOptions.add("-Dlinkstream.fetch.timeout=3s");
    // Before the test's own options, which may unset them (an empty value is no value).
    jvmOptions.addAll(TestAdmin.SETTINGS);
    for (String key : List.of("url", "user", "password")) {
      String value = System.getProperty("linkstream.it.db." + key);
      if (value != null) {
        jvmOptions.add("-Dlinkstream.db." + key + "=" + value);
      }
    }
    // Last, so that a test may set any of the above otherwise: of two equal keys, the later holds.
    jvmOptions.addAll(options);
    ProcessBuilder command =
        switch (runtime) {
          case PAYARA_MICRO -> payaraMicro(application.war, jvmOptions, workDir, port, logging);
          case OPEN_LIBERTY -> openLiberty(application.war, jvmOptions, workDir, port, logging);
        };
    Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path libertyLogs =
        runtime == Runtime.OPEN_LIBERTY ? workDir.resolve("usr/servers/linkstream/logs") : null;
    return new ServerProcess(process, application, log, libertyLogs, port);
  }

  private static ProcessBuilder payaraMicro(
      Path war, List<String> jvmOptions, Path workDir, int port, Logging logging) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            payaraMicroJar(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--port",
            String.valueOf(port),
            "--nocluster",
            "--nohazelcast",
            "--rootdir",
            workDir.resolve("payara").toString(),
            "--prebootcommandfile",
            PAYARA_COMMANDS.resolve("preboot-commands").toString()));
    if (logging == Logging.DETAILED) {
      Path commands = workDir.resolve("log-detail.txt");
      Files.writeString(commands, "set-log-levels dev.linkstream=FINE\n");
      command.addAll(List.of("--postbootcommandfile", commands.toString()));
    }
    return new ProcessBuilder(command);
  }

  /**
   * A Liberty server of the test's own, in a user directory of its own, configured as the
   * application's server.xml says and listening on loopback only.
   */
  private static ProcessBuilder openLiberty(
      Path war, List<String> jvmOptions, Path workDir, int port, Logging logging)
      throws IOException {
    Path server = Files.createDirectories(workDir.resolve("usr/servers/linkstream"));
    for (String file : List.of("server.xml", "features.xml")) {
      Files.copy(
          Path.of("src/main/liberty/config", file),
          server.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    // Named as server.xml names it.
    Files.copy(
        war,
        Files.createDirectories(server.resolve("apps")).resolve("linkstream.war"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        server.resolve("bootstrap.properties"), "http.port=" + port + "\nhttp.host=127.0.0.1\n");
    Files.write(server.resolve("jvm.options"), jvmOptions);
    if (logging == Logging.DETAILED) {
      Path overrides = Files.createDirectories(server.resolve("configDropins/overrides"));
      Files.writeString(
          overrides.resolve("logging.xml"),
          "<server><logging traceSpecification=\""
              + "*=info:com.zaxxer.hikari.pool.ProxyConnection=severe"
              + ":com.zaxxer.hikari.pool.PoolBase=severe:dev.linkstream.*=fine\"/></server>\n");
    }
    ProcessBuilder builder =
        new ProcessBuilder(LIBERTY.resolve("bin/server").toString(), "run", "linkstream");
    builder.environment().put("WLP_USER_DIR", workDir.resolve("usr").toString());
    builder.environment().put("JAVA_HOME", javaHome());
    return builder;
  }

  /**
   * Everything the server has logged: its output on Payara Micro; on Open Liberty, whose console
   * shows only warnings and audit messages, its messages.log and trace.log.
   */
  public String log() throws IOException {
    if (libertyLogs == null) {
      return Files.readString(log);
    }
    StringBuilder text = new StringBuilder();
    for (String file : List.of("messages.log", "trace.log")) {
      Path path = libertyLogs.resolve(file);
      if (Files.exists(path)) {
        text.append(Files.readString(path));
      }
    }
    return text.toString();
  }

  public int port() {
    return url.getPort();
  }

  public long pid() {
    return process.pid();
  }

  /** SIGSTOP: the process stands still, holding its connections, until {@link #resume()}. */
  public void pause() throws Exception {
    signal("STOP");
  }

  /** SIGCONT, after {@link #pause()}; nothing, once the process has ended. */
  public void resume() throws Exception {
    if (process.isAlive()) {
      signal("CONT");
    }
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM, as a service manager stops a server, and waits for the process to end. */
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
              throw new AssertionError("The server exited; its log:\n" + Files.readString(log));
            }
            return answers();
          },
          () -> "The server did not start; its log is " + log);
    } catch (AssertionError e) {
      kill();
      throw e;
    }
  }

  private boolean answers() {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) new URL(url, application.probe).openConnection();
      connection.setConnectTimeout(1_000);
      connection.setReadTimeout(5_000);
      try {
        return connection.getResponseCode() == application.ready;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  private static String payaraMicroJar() throws Exception {
    Class<?> main =
        Class.forName("fish.payara.micro.PayaraMicro", false, ServerProcess.class.getClassLoader());
    return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static String javaHome() {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    return java.getParent().getParent().toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

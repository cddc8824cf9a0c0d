package dev.linkstream.bench;

import dev.linkstream.bench.plain.PlainApplication;
import dev.linkstream.bench.plain.PlainBroadcaster;
import dev.linkstream.it.Metrics;
import dev.linkstream.testing.Eventually;
import dev.linkstream.testing.ServerProcess;
import dev.linkstream.testing.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** A server under measurement, in a process of its own. */
interface Target extends AutoCloseable {

  String name();

  URI uri();

  long pid();

  /** {@code Authorization}'s value for the benchmark's clients, if the server asks for one. */
  default String authorization() {
    return "";
  }

  /** The application's metrics, where it has Linkstream's. */
  default Optional<Metrics> metrics() {
    return Optional.empty();
  }

  /** Whether a submission makes the server fetch the page (the reference broadcasts at once). */
  default boolean fetches() {
    return true;
  }

  default InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", uri().getPort());
  }

  /**
   * How long the server may take to notice a client that vanished without a word: the period of its
   * heartbeat, the write that finds such a connection gone when nothing else is sent.
   */
  default Duration heartbeat() {
    return Duration.ZERO;
  }

  /**
   * Linkstream's WAR on Payara Micro or Open Liberty, with room for the subscribers the benchmark
   * opens and every other setting as shipped.
   */
  record Linkstream(ServerProcess.Runtime runtime, ServerProcess server) implements OnServer {

    private static final Path SHIPPED_SETTINGS =
        Path.of("src/main/resources/META-INF/microprofile-config.properties");

    static Linkstream start(ServerProcess.Runtime runtime, Path dir, int maxSubscribers)
        throws Exception {
      return new Linkstream(
          runtime,
          ServerProcess.start(
              runtime,
              dir.resolve("data"),
              dir.resolve("server"),
              List.of("-Dlinkstream.stream.max-subscribers=" + maxSubscribers)));
    }

    @Override
    public String name() {
      return switch (runtime) {
        case PAYARA_MICRO -> "Linkstream on Payara Micro";
        case OPEN_LIBERTY -> "Linkstream on Open Liberty";
      };
    }

    /** As shipped: the harness leaves {@code linkstream.stream.heartbeat} at its default. */
    @Override
    public Duration heartbeat() {
      Properties shipped = new Properties();
      try (var in = Files.newBufferedReader(SHIPPED_SETTINGS)) {
        shipped.load(in);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return duration(shipped.getProperty("linkstream.stream.heartbeat"));
    }

    private static Duration duration(String value) {
      Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a duration: " + value);
      }
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }

    @Override
    public String authorization() {
      return TestTokens.authorization(uri());
    }

    @Override
    public Optional<Metrics> metrics() {
      HttpRequest request = HttpRequest.newBuilder(uri().resolve("/metrics")).build();
      try {
        String text =
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return Optional.of(Metrics.parse(text, "application"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A WAR on Payara Micro or Open Liberty, in a server process of its own. */
  interface OnServer extends Target {

    ServerProcess server();

    @Override
    default URI uri() {
      return URI.create(server().url.toString());
    }

    /** The server's JVM: on Open Liberty, what its start script became or started. */
    @Override
    default long pid() {
      ProcessHandle process = ProcessHandle.of(server().pid()).orElseThrow();
      if (isJava(process)) {
        return process.pid();
      }
      return process
          .descendants()
          .filter(OnServer::isJava)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no JVM under " + process.pid()))
          .pid();
    }

    private static boolean isJava(ProcessHandle process) {
      return process.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    @Override
    default void close() throws Exception {
      server().close();
    }
  }

  /**
   * The plain Jakarta EE peer ({@link PlainBroadcaster}) on Payara Micro or Open Liberty, as a WAR
   * of its own with Linkstream's server configuration.
   */
  record Plain(ServerProcess.Runtime runtime, ServerProcess server) implements OnServer {

    static Plain start(ServerProcess.Runtime runtime, Path dir) throws Exception {
      Path war = dir.resolve("plain.war");
      ShrinkWrap.create(WebArchive.class)
          .addClasses(PlainApplication.class, PlainBroadcaster.class, LinkEvent.class)
          .as(ZipExporter.class)
          .exportTo(war.toFile(), true);
      ServerProcess.Application plain =
          new ServerProcess.Application(war, "api/links/stream/subscribers", 200);
      return new Plain(
          runtime,
          ServerProcess.start(
              plain, runtime, dir.resolve("data"), dir.resolve("server"), List.of()));
    }

    @Override
    public String name() {
      return switch (runtime) {
        case PAYARA_MICRO -> "Plain broadcaster on Payara Micro";
        case OPEN_LIBERTY -> "Plain broadcaster on Open Liberty";
      };
    }

    @Override
    public boolean fetches() {
      return false;
    }
  }

  /** The Netty reference broadcaster, on the same JVM and classpath as the harness. */
  record Reference(Process process, int port) implements Target {

    static Reference start(Path dir) throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Files.createDirectories(dir);
      Process process =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  ReferenceServer.class.getName(),
                  String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("reference.log").toFile())
              .start();
      Eventually.holds(
          Duration.ofSeconds(30), () -> accepts(port), () -> "reference did not start");
      return new Reference(process, port);
    }

    private static boolean accepts(int port) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public String name() {
      return "Reference (Netty)";
    }

    @Override
    public boolean fetches() {
      return false;
    }

    @Override
    public URI uri() {
      return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public long pid() {
      return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }
}

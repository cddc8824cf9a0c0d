package dev.linkstream.testing;

import com.sun.security.auth.module.UnixSystem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A throwaway PostgreSQL 17 server, one per JVM, started from the zonky binaries on the test
 * classpath and listening only on 127.0.0.1. Each caller of {@link #createDatabase()} gets its own
 * empty database.
 */
public final class Postgres implements AutoCloseable {

  private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
  private static final String USER = "linkstream";
  private static final String PASSWORD = "linkstream-test";
  // Durability is pointless for a server that is deleted on exit; speed is not.
  private static final String SETTINGS =
      "--auth=scram-sha-256 --no-locale --encoding=UTF8 --no-sync -c listen_addresses=127.0.0.1"
          + " -c max_connections=100 -c fsync=off -c synchronous_commit=off"
          + " -c full_page_writes=off";
  private static Postgres shared;

  private final AtomicInteger databases = new AtomicInteger();
  private final Path root;
  private final Path home;
  private final List<String> asServerUser;
  private int port;

  /** The server of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized Postgres shared() {
    if (shared == null) {
      try {
        shared = new Postgres();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  private Postgres() throws IOException {
    if (!"Linux".equals(System.getProperty("os.name"))
        || !Set.of("amd64", "x86_64").contains(System.getProperty("os.arch"))) {
      throw new IllegalStateException(
          "The embedded PostgreSQL binaries are for linux/amd64 only, not "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch"));
    }
    // PostgreSQL refuses to run as root, so as root the server runs as nobody; every directory on
    // its way must then be traversable by nobody, which java.io.tmpdir or the checkout may not be.
    boolean isRoot = new UnixSystem().getUid() == 0;
    Path base = Path.of(isRoot ? "/tmp" : System.getProperty("java.io.tmpdir"));
    if (base.toString().contains(" ")) {
      throw new IllegalStateException("pg_ctl cannot cope with spaces in its paths: " + base);
    }
    root = Files.createTempDirectory(base, "linkstream-pg-");
    Files.setPosixFilePermissions(root, permissions(0755));
    home = Files.createDirectory(root.resolve("home"));
    asServerUser = new ArrayList<>();
    if (isRoot) {
      String uid = output("id", "-u", "nobody");
      String gid = output("id", "-g", "nobody");
      Files.setAttribute(home, "unix:uid", Integer.parseInt(uid));
      Files.setAttribute(home, "unix:gid", Integer.parseInt(gid));
      asServerUser.addAll(
          List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgres-shutdown"));
    long started = System.nanoTime();
    extract(root.resolve("pgsql"));
    initdb();
    start();
    System.err.printf(
        "PostgreSQL started on 127.0.0.1:%d in %d ms (%s)%n",
        port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), root);
  }

  /** A server of the caller's own, to stop and start again at will; closing it deletes it. */
  public static Postgres startOwn() throws IOException {
    return new Postgres();
  }

  /** Stops the server, as an outage would, keeping its data. */
  public void pause() throws IOException {
    run("%s -D %s -m fast -w stop", bin("pg_ctl"), data());
  }

  /** Starts the paused server again, on the port it had. */
  public void resume() throws IOException {
    run("%s -D %s -l %s -w -t 60 -o -p%d start", bin("pg_ctl"), data(), serverLog(), port);
  }

  @Override
  public void close() {
    stop();
  }

  /** Creates an empty database and returns its JDBC URL. */
  public String createDatabase() {
    String name =
        String.format(
            "linkstream_%d_%08x",
            databases.incrementAndGet(), ThreadLocalRandom.current().nextInt());
    Properties credentials = new Properties();
    credentials.setProperty("user", USER);
    credentials.setProperty("password", PASSWORD);
    // The driver itself, not DriverManager: the application deregisters drivers when it closes.
    try (Connection admin = new org.postgresql.Driver().connect(url("postgres"), credentials);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    return url(name);
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private void extract(Path target) throws IOException {
    try (InputStream archive = Postgres.class.getResourceAsStream(ARCHIVE)) {
      if (archive == null) {
        throw new IllegalStateException(ARCHIVE + " is not on the classpath");
      }
      var tar =
          new TarArchiveInputStream(
              new XZCompressorInputStream(new BufferedInputStream(archive, 1 << 16)));
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("Archive entry escapes its directory: " + entry.getName());
        }
        Files.createDirectories(entry.isDirectory() ? path : path.getParent());
        if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createLink(path, target.resolve(entry.getLinkName()));
        } else if (!entry.isDirectory()) {
          Files.copy(tar, path);
        }
        if (!entry.isSymbolicLink()) {
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
  }

  private void initdb() throws IOException {
    Path pwfile = home.resolve("pwfile");
    Files.writeString(pwfile, PASSWORD + "\n");
    Files.setPosixFilePermissions(pwfile, permissions(0644)); // home is private already
    run(
        "%s -D %s -U %s --pwfile=%s -c unix_socket_directories=%s %s",
        bin("initdb"), data(), USER, pwfile, home, SETTINGS);
    Files.delete(pwfile);
  }

  private void start() throws IOException {
    // The free port is only known to be free until it is closed, so a lost race is retried.
    for (int attempt = 1; ; attempt++) {
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      try {
        run("%s -D %s -l %s -w -t 60 -o -p%d start", bin("pg_ctl"), data(), serverLog(), port);
        return;
      } catch (IllegalStateException e) {
        if (attempt == 3 || !tail(serverLog()).contains("could not bind")) {
          throw e;
        }
      }
    }
  }

  private synchronized void stop() {
    if (!Files.exists(root)) {
      return;
    }
    try {
      if (Files.exists(Path.of(data(), "postmaster.pid"))) {
        run("%s -D %s -m immediate -w stop", bin("pg_ctl"), data());
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not clean up PostgreSQL in " + root + ": " + e);
    }
  }

  /** Runs a command line whose words are separated by single spaces, as the server's user. */
  private void run(String format, Object... args) throws IOException {
    List<String> command = new ArrayList<>(asServerUser);
    command.addAll(List.of(String.format(format, args).split(" ")));
    Path log = root.resolve("setup.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()));
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("PG") || name.startsWith("LC_"));
    builder.environment().put("LC_ALL", "C");
    Process process = builder.start();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (process.isAlive() || process.exitValue() != 0) {
      throw new IllegalStateException(
          String.format(
              "%s failed.%n--- %s%n%s%n--- %s%n%s",
              String.join(" ", command), log, tail(log), serverLog(), tail(serverLog())));
    }
  }

  private Path serverLog() {
    return home.resolve("postgres.log");
  }

  private String bin(String program) {
    return root.resolve("pgsql/bin").resolve(program).toString();
  }

  private String data() {
    return home.resolve("data").toString();
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  private static String output(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission permission : PosixFilePermission.values()) {
      // The enum lists owner, group and others, each read, write, execute: 0400 down to 0001.
      if ((mode & (0400 >> permission.ordinal())) != 0) {
        permissions.add(permission);
      }
    }
    return permissions;
  }
}
